// One contract as a mermaid flowchart: a box per layer (or module, or the `from` and `to` groups),
// one arrow per pair of boxes with the number of imports; arrows carrying a finding of this
// contract are red, findings accepted by a suppression or the baseline dotted. Files are grouped
// by layer, so a big repository stays a small picture; mermaid-flowchart.ts caps the rest.
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { CompiledContract, ImportGraph } from './layers-types.js';
import type { Violation } from './find-violations.js';
import type { Arrow, FlowNode } from './mermaid-flowchart.js';
import { createSlugger, renderMermaid } from './mermaid-flowchart.js';
import { targetName } from './rules/layer-rule.js';

export interface ContractGraphInput {
  graph: ImportGraph;
  contract: CompiledContract;
  violations: readonly Violation[];
  /** The findings still reported after suppressions and the baseline. */
  active: readonly Diagnostic[];
}

export function renderContractGraph(input: ContractGraphInput): { mermaid: string; folded?: string } {
  const { contract } = input;
  const slug = createSlugger();
  const nodes = new Map<string, FlowNode>();
  const nodeOf = (group: string): FlowNode => {
    let node = nodes.get(group);
    if (node === undefined) {
      node = { id: slug(group), label: group };
      nodes.set(group, node);
    }
    return node;
  };
  for (const group of contract.groups) nodeOf(group);
  const at = (d: { file: string; line?: number; target?: string }): string =>
    `${d.file}\0${d.line ?? 0}\0${d.target ?? ''}`;
  const mine = (d: Diagnostic): boolean => d.rule === 'layers/contract' && d.contract === contract.name;
  const found = new Set(input.violations.filter(mine).map(at));
  const active = new Set(input.active.filter(mine).map(at));
  const arrows = new Map<string, Arrow>();
  for (const file of input.graph.files) {
    const fromGroup = contract.groupOf(file.path, 'from');
    if (fromGroup === undefined) continue;
    for (const edge of file.imports) {
      if (edge.target.kind === 'unresolved') continue;
      const target = targetName(edge.target);
      const toGroup = contract.groupOf(target, 'to');
      if (toGroup === undefined || toGroup === fromGroup) continue;
      const from = nodeOf(fromGroup);
      const to = nodeOf(toGroup);
      const key = `${from.id}>${to.id}`;
      const arrow = arrows.get(key) ?? { from: from.id, to: to.id, count: 0, rules: new Set<string>(), active: false };
      arrow.count += 1;
      const where = at({ file: file.path, line: edge.line, target });
      if (found.has(where)) arrow.rules.add('contract');
      arrow.active ||= active.has(where);
      arrows.set(key, arrow);
    }
  }
  return renderMermaid([...nodes.values()], [...arrows.values()], contract.groups, slug);
}
