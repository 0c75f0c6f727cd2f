// The domains × layers picture as a mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html):
// one box per domain with its layers, the path layers, providers, shared and cross-cutting code;
// one arrow per pair of boxes with the number of imports; arrows carrying a finding are red and
// labelled with the rules they break; findings accepted by a suppression or the baseline are
// drawn dotted instead. Arrows read "imports".
import type { Diagnostic } from '@harness/diagnostics';
import type { ImportGraph } from './build-import-graph.js';
import type { Violation } from './find-violations.js';
import type { FileClass } from './layer-model.js';
import { domainName } from './rules/layer-rule.js';

export interface LayersGraphInput {
  graph: ImportGraph;
  classes: ReadonlyMap<string, FileClass>;
  violations: readonly Violation[];
  /** The findings still reported after suppressions and the baseline. */
  active: readonly Diagnostic[];
  order: readonly string[];
}

interface Node {
  id: string;
  label: string;
  group?: string;
}

export function renderLayersGraph(input: LayersGraphInput): string {
  const nodes = new Map<string, Node>();
  const slug = createSlugger();
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
  const at = (d: { file: string; line?: number; target?: string }): string => `${d.file}\0${d.line ?? 0}\0${d.target ?? ''}`;
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

interface Arrow {
  from: string;
  to: string;
  count: number;
  rules: Set<string>;
  /** At least one of its findings is still reported. */
  active: boolean;
}

function renderMermaid(nodes: Node[], arrows: Arrow[], order: readonly string[], slug: (text: string) => string): string {
  const rank = (label: string): number => (order.includes(label) ? order.indexOf(label) : order.length);
  const lines = ['flowchart LR'];
  const groups = new Map<string, Node[]>();
  for (const node of [...nodes].sort((a, b) => rank(a.label) - rank(b.label))) {
    if (node.group === undefined) lines.push(`  ${node.id}["${escapeLabel(node.label)}"]`);
    else groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  }
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  subgraph ${slug(group)}["${escapeLabel(domainName(group))}"]`);
    for (const node of members.sort((a, b) => rank(a.label) - rank(b.label))) lines.push(`    ${node.id}["${escapeLabel(node.label)}"]`);
    lines.push('  end');
  }
  const sorted = arrows.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  const red: number[] = [];
  sorted.forEach((arrow, index) => {
    const label = arrow.rules.size === 0 ? `${arrow.count}` : `✗ ${[...arrow.rules].sort().join(', ')} (${arrow.count})`;
    const line = arrow.rules.size > 0 && !arrow.active ? '-.->' : '-->';
    lines.push(`  ${arrow.from} ${line}|"${label}"| ${arrow.to}`);
    if (arrow.active) red.push(index);
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d1242f,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

/**
 * A folder or layer name as a quoted mermaid label: `"` would end the label and `#`, `<`, `>` are
 * markup, so they become mermaid's entity codes (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters).
 */
export function escapeLabel(text: string): string {
  return text.replace(/[#"<>]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;' })[c] ?? c);
}

/**
 * Mermaid ids from names: other characters become `_`, and two names that would get the same id
 * (`a"b`, `a_b`) get distinct ones, so their boxes are not merged.
 */
function createSlugger(): (text: string) => string {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  return (text) => {
    let id = ids.get(text);
    if (id === undefined) {
      const base = text.replace(/[^A-Za-z0-9_]/g, '_');
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
      ids.set(text, id);
      taken.add(id);
    }
    return id;
  };
}
