// layers/contract: an import that one of `layers.contracts` forbids. The message names the
// contract, the importing and imported layer (or module, or the from/to groups) and what the
// importer may import; the fix says how to remove the edge or where the contract states exceptions.
import type { ContractConfig } from 'agent-harness-config';
import type { ContractEdge } from '../layers-types.js';
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const contract: MetaRule = {
  id: 'contract',
  kind: 'meta',
  severity: 'error',
  finds:
    'an import that one of layers.contracts forbids (a layer order or allow DAG, a forbidden edge, independent modules)',
  why: "A contract states the repository's intended architecture; an import it forbids erodes it.",
  fix: 'Move the code, invert the dependency, or state an intended edge in the contract (allow, except).',
  docs: 'docs/rules/layers.md#contract',
};

const configFile = 'harness.config.yaml';

export interface LayerVerdictFacts {
  from: string;
  to: string;
  mayImport: readonly string[];
  forwardOnly: boolean;
  order: readonly string[];
}

export function describeLayerContract(
  config: ContractConfig,
  edge: ContractEdge,
  facts: LayerVerdictFacts,
): RuleVerdict {
  const { from, to, mayImport } = facts;
  const may =
    mayImport.length === 0
      ? `${from} may import only itself`
      : `${from} may import only itself and ${mayImport.join(', ')}`;
  const why = facts.forwardOnly ? ` (forward-only: ${facts.order.join(' → ')})` : '';
  return {
    message: `contract "${config.name}": layer ${from} may not import layer ${to} (${edge.to}); ${may}${why}.`,
    fix:
      `Move what this file needs from ${edge.to} into ${from}${mayImport.length === 0 ? '' : ` or a layer it may import (${mayImport.join(', ')})`}, ` +
      `or invert the dependency: declare an interface in ${from} that ${to} implements and pass the implementation in. ` +
      `If ${from} should depend on ${to}, say so in contract "${config.name}" in ${configFile} (\`allow\`, or an \`except\` edge).`,
  };
}

export function describeForbidden(config: ContractConfig, edge: ContractEdge): RuleVerdict {
  const from = (config.from ?? []).join(', ');
  const to = (config.to ?? []).join(', ');
  return {
    message: `contract "${config.name}": ${from} may not import ${to}, and this file imports ${edge.to}; it may import anything else.`,
    fix:
      `Remove the import of ${edge.to}: move the code this file needs out of ${to}, or invert the dependency so that ${to} depends on this code. ` +
      `If this edge is intended, add it to contract "${config.name}"'s \`except\` in ${configFile}.`,
  };
}

export function describeIndependent(config: ContractConfig, edge: ContractEdge, from: string, to: string): RuleVerdict {
  return {
    message: `contract "${config.name}": module ${from} may not import module ${to} (${edge.to}); the modules ${(config.modules ?? []).join(', ')} are independent of each other, and ${from} may import anything outside them.`,
    fix:
      `Move what both need into a place outside these modules (shared code both may import), or pass it in from the code that uses both. ` +
      `If this edge is intended, add it to contract "${config.name}"'s \`except\` in ${configFile}.`,
  };
}
