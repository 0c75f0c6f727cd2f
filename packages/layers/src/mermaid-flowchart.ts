// A mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html) from boxes and counted arrows,
// kept below mermaid's default limits (maxTextSize 50,000 characters, maxEdges 500): past
// `maxArrows` or `maxChars`, the arrows with the fewest imports and no finding are folded, and the
// chart says how many it folded in a comment and in `folded`.

export interface FlowNode {
  id: string;
  label: string;
  /** A subgraph id (a domain), when the box belongs to one. */
  group?: string;
  groupLabel?: string;
}

const graphLimits = { maxArrows: 400, maxChars: 40_000 } as const;

export interface Arrow {
  from: string;
  to: string;
  count: number;
  rules: Set<string>;
  /** At least one of its findings is still reported. */
  active: boolean;
}

export function renderMermaid(
  nodes: readonly FlowNode[],
  arrows: readonly Arrow[],
  order: readonly string[],
  slug: (text: string) => string,
  limits: { maxArrows: number; maxChars: number } = graphLimits,
): { mermaid: string; folded?: string } {
  const rank = (label: string): number => (order.includes(label) ? order.indexOf(label) : order.length);
  // Arrows with findings first, then the most imports: what is folded is the least telling.
  const byWeight = [...arrows].sort((a, b) => Number(b.rules.size > 0) - Number(a.rules.size > 0) || b.count - a.count);
  const touched = (list: readonly Arrow[]): FlowNode[] => {
    if (list.length === arrows.length) return [...nodes];
    const ids = new Set(list.flatMap((a) => [a.from, a.to]));
    return nodes.filter((n) => ids.has(n.id));
  };
  let kept = byWeight.slice(0, limits.maxArrows);
  let text = draw(touched(kept), kept, rank, slug);
  while (text.length > limits.maxChars && kept.length > 0) {
    kept = kept.slice(0, Math.floor(kept.length * 0.8));
    text = draw(touched(kept), kept, rank, slug);
  }
  if (kept.length === arrows.length) return { mermaid: text };
  const rest = byWeight.slice(kept.length);
  const folded = `${rest.length} of ${arrows.length} arrows (${rest.reduce((n, a) => n + a.count, 0)} imports${rest.some((a) => a.rules.size > 0) ? ', some with findings' : ''}) folded to stay below mermaid's limits`;
  return { mermaid: `${text}%% ${folded}\n`, folded };
}

/** The flowchart text; only the boxes some kept arrow touches are drawn once arrows are folded. */
function draw(
  nodes: readonly FlowNode[],
  arrows: readonly Arrow[],
  rank: (label: string) => number,
  slug: (text: string) => string,
): string {
  const lines = ['flowchart LR'];
  const groups = new Map<string, FlowNode[]>();
  for (const node of [...nodes].sort((a, b) => rank(a.label) - rank(b.label))) {
    if (node.group === undefined) lines.push(`  ${node.id}["${escapeLabel(node.label)}"]`);
    else groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  }
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  subgraph ${slug(group)}["${escapeLabel(members[0]?.groupLabel ?? group)}"]`);
    for (const node of members.sort((a, b) => rank(a.label) - rank(b.label)))
      lines.push(`    ${node.id}["${escapeLabel(node.label)}"]`);
    lines.push('  end');
  }
  const sorted = [...arrows].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  const red: number[] = [];
  sorted.forEach((arrow, index) => {
    const label =
      arrow.rules.size === 0 ? `${arrow.count}` : `✗ ${[...arrow.rules].sort().join(', ')} (${arrow.count})`;
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
function escapeLabel(text: string): string {
  return text.replace(/[#"<>]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;' })[c] ?? c);
}

/**
 * Mermaid ids from names: other characters become `_`, and two names that would get the same id
 * (`a"b`, `a_b`) get distinct ones, so their boxes are not merged.
 */
export function createSlugger(): (text: string) => string {
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
