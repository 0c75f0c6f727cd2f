// What the imports between groups (folders, segments) say about their order. `orderByImports`
// puts groups in the order the fewest imports disagree with (cycles broken there); `learnAllow`
// keeps each import direction most imports hold and drops the minority and stray directions.
import { canonicalRank } from '../layer-names.js';
import { edgeCount } from './folder-tree.js';

export type EdgeCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface Disagreement {
  from: string;
  to: string;
  count: number;
}

/** Exact up to this many groups (2^n subsets), a greedy choice beyond. */
const exactLimit = 12;

/**
 * Groups lowest first (a group may import the ones before it), ordered so the fewest imports point
 * forward: with no cycle none does; where the imports form a cycle, it is broken where the fewest
 * imports disagree. Ties keep the usual layer order (types → … → ui), then the names' order.
 */
export function orderByImports(
  names: readonly string[],
  counts: EdgeCounts,
): { order: string[]; against: Disagreement[] } {
  const sorted = [...names].sort(byRank);
  const order = sorted.length <= exactLimit ? exactOrder(sorted, counts) : greedyOrder(sorted, counts);
  const against: Disagreement[] = [];
  order.forEach((from, i) => {
    for (const to of order.slice(i + 1)) {
      const count = edgeCount(counts, from, to);
      if (count > 0) against.push({ from, to, count });
    }
  });
  return { order, against };
}

function exactOrder(names: readonly string[], counts: EdgeCounts): string[] {
  const full = (1 << names.length) - 1;
  const matrix = names.map((from) => names.map((to) => (from === to ? 0 : edgeCount(counts, from, to))));
  // cost(n, placed): n's imports of groups not yet placed (they would come after it).
  const cost = (n: number, placed: number): number =>
    (matrix[n] ?? []).reduce((sum, c, j) => ((placed & (1 << j)) === 0 ? sum + c : sum), 0);
  const best = new Map<number, number>([[full, 0]]);
  const rest = (placed: number): number => {
    const known = best.get(placed);
    if (known !== undefined) return known;
    let min = Number.POSITIVE_INFINITY;
    for (let n = 0; n < names.length; n++)
      if ((placed & (1 << n)) === 0) min = Math.min(min, cost(n, placed) + rest(placed | (1 << n)));
    best.set(placed, min);
    return min;
  };
  const order: string[] = [];
  for (let placed = 0; placed !== full; ) {
    const target = rest(placed);
    const n = names.findIndex(
      (_, i) => (placed & (1 << i)) === 0 && cost(i, placed) + rest(placed | (1 << i)) === target,
    );
    order.push(names[n] ?? '');
    placed |= 1 << n;
  }
  return order;
}

function greedyOrder(names: readonly string[], counts: EdgeCounts): string[] {
  const remaining = [...names];
  const order: string[] = [];
  while (remaining.length > 0) {
    const costOf = (n: string) => remaining.reduce((sum, to) => sum + (to === n ? 0 : edgeCount(counts, n, to)), 0);
    const next = remaining.reduce((a, b) => (costOf(b) < costOf(a) ? b : a));
    order.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return order;
}

function byRank(a: string, b: string): number {
  return canonicalRank(a) - canonicalRank(b) || a.localeCompare(b);
}

/** Strictly, a direction must carry this share of the importing group's imports into other groups. */
const minShare = 0.01;

export interface LearnedAllow {
  /** Groups lowest first. */
  order: string[];
  /** Group → groups it may import (besides itself); groups that may import only themselves are left out. */
  allow: Record<string, string[]>;
  /** Directions the code has that `allow` leaves out, with why: the imports a check would report. */
  left: (Disagreement & { why: string })[];
}

/**
 * `a` may import `b` when more imports go a → b than b → a and, when `strict`, a → b is at least 1% of
 * a's imports into other groups (a few stray imports do not make a rule). A cycle left over is broken
 * at its weakest direction.
 */
export function learnAllow(names: readonly string[], counts: EdgeCounts, strict = true): LearnedAllow {
  const allowed = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  const left: LearnedAllow['left'] = [];
  for (const from of names) {
    const out = names.reduce((sum, to) => sum + (to === from ? 0 : edgeCount(counts, from, to)), 0);
    for (const to of names) {
      const count = to === from ? 0 : edgeCount(counts, from, to);
      if (count === 0) continue;
      const back = edgeCount(counts, to, from);
      if (back >= count) left.push({ from, to, count, why: `${to} imports ${from} ${back} times` });
      else if (strict && count < minShare * out)
        left.push({ from, to, count, why: `${count} of ${from}'s ${out} imports` });
      else allowed.get(from)?.add(to);
    }
  }
  for (let cycle = findCycle(allowed); cycle !== undefined; cycle = findCycle(allowed)) {
    const weakest = cycle.reduce((a, b) => (edgeCount(counts, b[0], b[1]) < edgeCount(counts, a[0], a[1]) ? b : a));
    allowed.get(weakest[0])?.delete(weakest[1]);
    left.push({
      from: weakest[0],
      to: weakest[1],
      count: edgeCount(counts, ...weakest),
      why: 'the weakest link of a cycle',
    });
  }
  const { order } = orderByImports(names, counts);
  const rank = new Map(order.map((n, i) => [n, i]));
  const byOrder = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  const allow: Record<string, string[]> = {};
  for (const name of order) {
    const targets = [...(allowed.get(name) ?? [])].sort(byOrder);
    if (targets.length > 0) allow[name] = targets;
  }
  return { order, allow, left };
}

function findCycle(allowed: ReadonlyMap<string, ReadonlySet<string>>): [string, string][] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): [string, string][] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const next of allowed.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...path.slice(path.indexOf(next)), next];
        return loop.slice(1).map((to, i) => [loop[i] ?? '', to]);
      }
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found !== undefined) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of allowed.keys()) {
    if (state.get(node) !== undefined) continue;
    const found = visit(node);
    if (found !== undefined) return found;
  }
  return undefined;
}
