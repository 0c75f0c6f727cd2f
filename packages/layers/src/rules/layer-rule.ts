// The shape every layer rule has. A rule looks at one import edge or one file and returns what is
// wrong and how to fix it; the engine adds file, line, target and the docs link.
import type { RuleMeta } from 'agent-harness-diagnostics';
import type { FileClass, ImportRecord, LayerModel, RuleVerdict } from '../layers-types.js';
import type { ResolvedTarget } from '../create-import-resolver.js';
import type { LayerRuleId } from './layer-rule-ids.js';

export interface EdgeFacts {
  /** The importing file, repository-relative. */
  file: string;
  from: FileClass;
  edge: ImportRecord;
  target: Exclude<ResolvedTarget, { kind: 'unresolved' }>;
  /** The target file's class, when the target is a repository file. */
  to?: FileClass;
  model: LayerModel;
}

export type { RuleVerdict } from '../layers-types.js';

export interface EdgeRule extends RuleMeta<LayerRuleId> {
  kind: 'edge';
  check(facts: EdgeFacts): RuleVerdict | undefined;
}

export interface FileRule extends RuleMeta<LayerRuleId> {
  kind: 'file';
  check(file: string, fileClass: FileClass, model: LayerModel): RuleVerdict | undefined;
}

/**
 * Findings produced outside the per-edge and per-file passes: about the suppressions and the
 * baseline themselves, imports that lead nowhere, files that could not be read.
 */
export interface MetaRule
  extends RuleMeta<
    'unused-suppression' | 'invalid-suppression' | 'stale-baseline' | 'unresolved' | 'syntax-error' | 'contract'
  > {
  kind: 'meta';
}

export type LayerRule = EdgeRule | FileRule | MetaRule;

/** How a target is named in messages and in `target`: a path, or `npm:<package>`. */
export function targetName(target: EdgeFacts['target']): string {
  if (target.kind === 'file') return target.path;
  if (target.kind === 'builtin') return target.name;
  return `npm:${target.name}`;
}

export function domainName(domain: string): string {
  return domain.slice(domain.lastIndexOf('/') + 1);
}
