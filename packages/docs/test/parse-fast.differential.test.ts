// The fast path (markdown-it, parse-fast.ts) against micromark (parse-markdown.ts): the same facts
// for every file it takes, on the CommonMark spec's examples (also with `@` after every space, so
// that nearly all prose is kept as text runs) and on every markdown file in this repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fastFacts } from '../src/parse-fast.js';
import { parseWithMicromark } from '../src/parse-markdown.js';

/** How many of `texts` the fast path took; each with micromark's facts. */
function expectFastAsMicromark(texts: readonly string[]): number {
  let fast = 0;
  for (const text of texts) {
    const facts = fastFacts(text);
    if (facts === undefined) continue;
    fast++;
    const slow = parseWithMicromark(text);
    expect({ ...facts, anchors: [...facts.anchors].sort() }, JSON.stringify(text)).toEqual({
      ...slow,
      anchors: [...slow.anchors].sort(),
    });
  }
  return fast;
}

describe('the fast path against micromark', () => {
  it('gives the same facts for the CommonMark spec examples it takes', () => {
    const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
    const texts = spec.tests.map((t) => t.markdown);
    const fast = expectFastAsMicromark([...texts, ...texts.map((t) => t.replaceAll(' ', ' @'))]);
    expect(fast).toBeGreaterThan(600);
  });

  it("gives the same facts for this repository's markdown files", () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const texts = files.map((f) => readFileSync(`${root}/${f}`, 'utf8'));
    const fast = expectFastAsMicromark([...texts, ...texts.map((t) => t.replaceAll(' ', ' @'))]);
    expect(fast).toBeGreaterThan(texts.length);
  });
});
