// Dependencies written in an issue body (docs/factory.md, "Which issues, in which order"): "blocked by #N" and
// "depends on #N", also as lists ("blocked by #3, #4 and #5"). Only same-repository
// references count; code spans and fenced blocks are ignored so an example in a
// code block does not hold real work back.

const phrase = /\b(?:blocked\s+by|depends\s+on)\s*:?\s*((?:#\d+(?:\s*(?:,|and|&)\s*)?)+)/gi;

/** The issue numbers an issue body says it waits for, ascending and without repeats. */
export function parseBodyDependencies(body: string | null | undefined): number[] {
  if (body === null || body === undefined || body === '') return [];
  const prose = body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const found = new Set<number>();
  for (const match of prose.matchAll(phrase)) {
    for (const ref of (match[1] ?? '').matchAll(/#(\d+)/g)) found.add(Number(ref[1]));
  }
  return [...found].sort((a, b) => a - b);
}
