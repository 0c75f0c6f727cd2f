// Orders layer names: the canonical order (types → … → ui) unless the code's
// own imports say otherwise. An import from layer A into layer B means B must
// come before A; a topological sort keeps every such edge legal where the
// imports form no cycle, and falls back to the canonical rank where they do.
import { canonicalRank } from './layer-names.js';

export interface LayerEdgeCount {
  from: string;
  to: string;
  count: number;
}

export interface LayerOrder {
  order: string[];
  /** Sentences on where the code moved a layer away from the canonical order. */
  reasons: string[];
}

export function orderLayers(names: readonly string[], edges: readonly LayerEdgeCount[]): LayerOrder {
  const canonical = [...names].sort(byRank);
  const before = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const edge of edges) {
    if (edge.from === edge.to || !before.has(edge.from) || !before.has(edge.to)) continue;
    const reverse = edges.find((e) => e.from === edge.to && e.to === edge.from)?.count ?? 0;
    // Both ways: keep only the stronger direction so a few stray imports do not decide.
    if (reverse > edge.count || (reverse === edge.count && byRank(edge.from, edge.to) < 0)) continue;
    before.get(edge.from)?.add(edge.to);
  }
  const order: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((n) => [...(before.get(n) ?? [])].every((b) => !remaining.has(b))).sort(byRank);
    const next = ready[0] ?? [...remaining].sort(byRank)[0];
    if (next === undefined) break;
    order.push(next);
    remaining.delete(next);
  }
  return { order, reasons: explain(canonical, order, edges) };
}

function byRank(a: string, b: string): number {
  return canonicalRank(a) - canonicalRank(b) || a.localeCompare(b);
}

function explain(canonical: readonly string[], order: readonly string[], edges: readonly LayerEdgeCount[]): string[] {
  const reasons: string[] = [];
  for (const [i, name] of order.entries()) {
    for (const later of order.slice(i + 1)) {
      if (canonical.indexOf(later) > canonical.indexOf(name)) continue;
      const count = edges.find((e) => e.from === later && e.to === name)?.count ?? 0;
      const back = edges.find((e) => e.from === name && e.to === later)?.count ?? 0;
      reasons.push(
        `${name} comes before ${later}: ${later} imports ${name} ${plural(count, 'time')}, ${name} imports ${later} ${plural(back, 'time')}.`,
      );
    }
  }
  return reasons;
}

function plural(n: number, word: string): string {
  return n === 0 ? 'never' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
