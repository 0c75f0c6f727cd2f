// The domains × layers picture as a mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html):
// one box per domain with its layers, the path layers, providers, shared and cross-cutting code;
// one arrow per pair of boxes with the number of imports; arrows carrying a violation are red
// and labelled with the rules they break. Arrows read "imports".
import type { ImportGraph } from './build-import-graph.js';
import type { Violation } from './find-violations.js';
import type { FileClass } from './layer-model.js';
import { domainName } from './rules/layer-rule.js';

export interface LayersGraphInput {
  graph: ImportGraph;
  classes: ReadonlyMap<string, FileClass>;
  violations: readonly Violation[];
  order: readonly string[];
}

interface Node {
  id: string;
  label: string;
  group?: string;
}

export function renderLayersGraph(input: LayersGraphInput): string {
  const nodes = new Map<string, Node>();
  const nodeOf = (cls: FileClass | undefined): Node | undefined => {
    if (cls === undefined) return undefined;
    let node: Node | undefined;
    if (cls.domain !== undefined) {
      const part = cls.entry ? 'index' : (cls.layer ?? 'unassigned');
      node = { id: slug(`${cls.domain}_${part}`), label: part, group: cls.domain };
    } else if (cls.layer !== undefined) node = { id: slug(`layer_${cls.layer}`), label: cls.layer };
    else if (cls.provider) node = { id: 'providers', label: 'providers' };
    else if (cls.shared) node = { id: 'shared', label: 'shared' };
    else if (cls.crossCutting) node = { id: 'crossCutting', label: 'cross-cutting' };
    if (node !== undefined && !nodes.has(node.id)) nodes.set(node.id, node);
    return node;
  };
  const violationsAt = new Map<string, Set<string>>();
  for (const v of input.violations) {
    if (v.target === undefined || v.line === undefined) continue;
    const key = `${v.file}\0${v.line}\0${v.target}`;
    violationsAt.set(key, (violationsAt.get(key) ?? new Set()).add(v.ruleId));
  }
  const arrows = new Map<string, { from: string; to: string; count: number; rules: Set<string> }>();
  for (const file of input.graph.files) {
    const from = nodeOf(input.classes.get(file.path));
    if (from === undefined) continue;
    for (const edge of file.imports) {
      if (edge.target.kind !== 'file') continue;
      const to = nodeOf(input.classes.get(edge.target.path));
      if (to === undefined || to.id === from.id) continue;
      const key = `${from.id}>${to.id}`;
      const arrow = arrows.get(key) ?? { from: from.id, to: to.id, count: 0, rules: new Set<string>() };
      arrow.count += 1;
      for (const rule of violationsAt.get(`${file.path}\0${edge.line}\0${edge.target.path}`) ?? []) arrow.rules.add(rule);
      arrows.set(key, arrow);
    }
  }
  return renderMermaid([...nodes.values()], [...arrows.values()], input.order);
}

function renderMermaid(nodes: Node[], arrows: { from: string; to: string; count: number; rules: Set<string> }[], order: readonly string[]): string {
  const rank = (label: string): number => (order.includes(label) ? order.indexOf(label) : order.length);
  const lines = ['flowchart LR'];
  const groups = new Map<string, Node[]>();
  for (const node of nodes) {
    if (node.group === undefined) lines.push(`  ${node.id}["${node.label}"]`);
    else groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  }
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  subgraph ${slug(group)}["${domainName(group)}"]`);
    for (const node of members.sort((a, b) => rank(a.label) - rank(b.label))) lines.push(`    ${node.id}["${node.label}"]`);
    lines.push('  end');
  }
  const sorted = arrows.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  const red: number[] = [];
  sorted.forEach((arrow, index) => {
    const label = arrow.rules.size === 0 ? `${arrow.count}` : `✗ ${[...arrow.rules].sort().join(', ')} (${arrow.count})`;
    lines.push(`  ${arrow.from} -->|"${label}"| ${arrow.to}`);
    if (arrow.rules.size > 0) red.push(index);
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d1242f,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}
