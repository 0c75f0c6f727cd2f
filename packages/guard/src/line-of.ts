// Positions in a guardrail file's text, for the line a loosening points at.

/** The 1-based line of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Counts of each item: a multiset, so that a line moved within a file is not taken for a new one. */
export function countItems(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Takes one `item` out of `counts`; false when none was left (the item is new). */
export function takeItem(counts: Map<string, number>, item: string): boolean {
  const left = counts.get(item) ?? 0;
  if (left === 0) return false;
  counts.set(item, left - 1);
  return true;
}
