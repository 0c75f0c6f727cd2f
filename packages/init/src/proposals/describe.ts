// The plan's sentences about a learned order or allow DAG: what may import what, and which of
// today's imports the proposal does not allow (they are what the baseline will hold).
import { plural } from './folder-tree.js';
import type { Disagreement, LearnedAllow } from './learn-order.js';

/** At most this many examples in one sentence. */
const shown = 6;

export function describeAllow(learned: LearnedAllow): string[] {
  const rules = Object.entries(learned.allow).map(([from, to]) => `${from} → ${to.join(', ')}`);
  const alone = learned.order.filter((n) => learned.allow[n] === undefined);
  return [
    rules.length === 0
      ? 'No direction between these folders is held by most imports: each may import only itself.'
      : `Learned from the imports (a direction most imports hold): ${rules.join('; ')}.`,
    ...(alone.length > 0
      ? [`${alone.join(', ')} may import only ${alone.length === 1 ? 'itself' : 'themselves'}.`]
      : []),
    ...describeLeft(learned.left),
  ];
}

export function describeLeft(left: readonly (Disagreement & { why?: string })[]): string[] {
  if (left.length === 0) return [];
  const sorted = [...left].sort((a, b) => b.count - a.count);
  const listed = sorted
    .slice(0, shown)
    .map((d) => `${d.from} → ${d.to} (${plural(d.count, 'import')}${d.why === undefined ? '' : `; ${d.why}`})`);
  const more = sorted.length > shown ? `, and ${sorted.length - shown} more` : '';
  return [`Not allowed, though the code has them: ${listed.join(', ')}${more}.`];
}
