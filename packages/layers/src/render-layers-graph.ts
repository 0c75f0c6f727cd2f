// The domains × layers picture as a mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html):
// one box per domain with its layers, the path layers, providers, shared and cross-cutting code;
// one arrow per pair of boxes with the number of imports; arrows carrying a finding are red and
// labelled with the rules they break; findings accepted by a suppression or the baseline are
// drawn dotted instead. Arrows read "imports". Big graphs are capped (mermaid-flowchart.ts).
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { FileClass, ImportGraph } from './layers-types.js';
import type { Violation } from './find-violations.js';
import { domainName } from './rules/layer-rule.js';
import type { Arrow, FlowNode } from './mermaid-flowchart.js';
import { createSlugger, renderMermaid } from './mermaid-flowchart.js';

export interface LayersGraphInput {
  graph: ImportGraph;
  classes: ReadonlyMap<string, FileClass>;
  violations: readonly Violation[];
  /** The findings still reported after suppressions and the baseline. */
  active: readonly Diagnostic[];
  order: readonly string[];
}

export function renderLayersGraph(input: LayersGraphInput): { mermaid: string; folded?: string } {
  const nodes = new Map<string, FlowNode>();
  const slug = createSlugger();
  const nodeOf = (cls: FileClass | undefined): FlowNode | undefined => {
    if (cls === undefined) return undefined;
    let node: FlowNode | undefined;
    if (cls.domain !== undefined) {
      const part = cls.entry ? 'index' : (cls.layer ?? 'unassigned');
      node = { id: slug(`${cls.domain}_${part}`), label: part, group: cls.domain, groupLabel: domainName(cls.domain) };
    } else if (cls.layer !== undefined) node = { id: slug(`layer_${cls.layer}`), label: cls.layer };
    else if (cls.provider) node = { id: 'providers', label: 'providers' };
    else if (cls.shared) node = { id: 'shared', label: 'shared' };
    else if (cls.crossCutting) node = { id: 'crossCutting', label: 'cross-cutting' };
    if (node !== undefined && !nodes.has(node.id)) nodes.set(node.id, node);
    return node;
  };
  const at = (d: { file: string; line?: number; target?: string }): string =>
    `${d.file}\0${d.line ?? 0}\0${d.target ?? ''}`;
  const active = new Set(input.active.map(at));
  const violationsAt = new Map<string, { rules: Set<string>; active: boolean }>();
  for (const v of input.violations) {
    if (v.target === undefined || v.line === undefined) continue;
    const found = violationsAt.get(at(v)) ?? { rules: new Set<string>(), active: false };
    found.rules.add(v.ruleId);
    found.active ||= active.has(at(v));
    violationsAt.set(at(v), found);
  }
  const arrows = new Map<string, Arrow>();
  for (const file of input.graph.files) {
    const from = nodeOf(input.classes.get(file.path));
    if (from === undefined) continue;
    for (const edge of file.imports) {
      if (edge.target.kind !== 'file') continue;
      const to = nodeOf(input.classes.get(edge.target.path));
      if (to === undefined || to.id === from.id) continue;
      const key = `${from.id}>${to.id}`;
      const arrow = arrows.get(key) ?? { from: from.id, to: to.id, count: 0, rules: new Set<string>(), active: false };
      arrow.count += 1;
      const found = violationsAt.get(at({ file: file.path, line: edge.line, target: edge.target.path }));
      for (const rule of found?.rules ?? []) arrow.rules.add(rule);
      arrow.active ||= found?.active === true;
      arrows.set(key, arrow);
    }
  }
  return renderMermaid([...nodes.values()], [...arrows.values()], input.order, slug);
}
