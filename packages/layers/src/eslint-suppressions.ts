// `layers.suppressions.eslint`: ESLint comments that disable one of the listed rule names (or all
// rules) count as harness-ignore for the import findings on the lines they cover, so a repository
// moving from ESLint boundary rules keeps its reviewed exceptions (docs/layers.md, "ESLint suppressions"). ESLint owns
// these comments: one that silences nothing here is not reported.
import type { SuppressionComment } from './find-suppressions.js';

const directives = new Set(['eslint-disable-next-line', 'eslint-disable-line', 'eslint-disable', 'eslint-enable']);

export function isEslintComment(s: SuppressionComment): boolean {
  return directives.has(s.rule);
}

/** Whether a finding on `line` is silenced by the file's ESLint comments for the listed rule names. */
export function createEslintSilencer(
  suppressions: readonly SuppressionComment[],
  names: readonly string[],
): (line: number) => boolean {
  if (names.length === 0) return () => false;
  const counts = (s: SuppressionComment): boolean =>
    s.reason === '' || s.reason.split(',').some((r) => names.includes(r));
  const lines = new Set<number>();
  // [from, to) line ranges of disable … enable blocks; `to` is Infinity when never re-enabled.
  const ranges: [number, number][] = [];
  let open: number | undefined;
  for (const s of [...suppressions].filter(isEslintComment).sort((a, b) => a.line - b.line)) {
    if (s.rule === 'eslint-disable-next-line' && counts(s)) lines.add(s.line + 1);
    else if (s.rule === 'eslint-disable-line' && counts(s)) lines.add(s.line);
    else if (s.rule === 'eslint-disable' && counts(s)) open ??= s.line;
    else if (s.rule === 'eslint-enable' && open !== undefined && counts(s)) {
      ranges.push([open, s.line]);
      open = undefined;
    }
  }
  if (open !== undefined) ranges.push([open, Number.POSITIVE_INFINITY]);
  return (line) => lines.has(line) || ranges.some(([from, to]) => line >= from && line < to);
}
