// micromark reads a file in pieces (parse-pieces.ts; parseWithMicromark, where the fast path leaves
// a file); this holds the facts of pieces to those of
// the whole file, with pieces as small as they may be (a cut at every blank line that allows one) and
// as they are by default: on the CommonMark spec's examples run together, on blocks that run on
// through blank lines and on documents shaped like the real-shaped benchmark's, each also with CRLF
// line endings and with `@` after every space, and on every markdown file in this repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseWithMicromark } from '../src/parse-markdown.js';
import { pieceCuts } from '../src/parse-pieces.js';

const whole = Number.POSITIVE_INFINITY;

const everyVariant = (text: string): string[] => [text, text.replace(/\r?\n/g, '\r\n'), text.replaceAll(' ', ' @')];

function expectSameFacts(texts: readonly string[], variants = everyVariant, minPieces = [1, 2048]): number {
  let cuts = 0;
  for (const text of texts)
    for (const variant of variants(text)) {
      const expected = parseWithMicromark(variant, whole);
      for (const minPiece of minPieces)
        expect(parseWithMicromark(variant, minPiece), JSON.stringify(variant)).toEqual(expected);
      cuts += pieceCuts(variant, 1).length;
    }
  return cuts;
}

/** The spec's examples, `size` at a time, each group one document with blank lines between. */
function runTogether(examples: readonly string[], size: number): string[] {
  const groups: string[] = [];
  for (let i = 0; i < examples.length; i += size) groups.push(examples.slice(i, i + size).join('\n\n'));
  return groups;
}

const openBlocks = [
  '# A\n\nText `a`.\n\n```\nfenced\n\n# not a heading [x](x.md)\n```\n\n# A\n\n[b](b.md)\n',
  '# A\n\n```\nnever closed\n\n[x](x.md)\n\n# B\n',
  '<!--\ncomment\n\n[x](x.md)\n-->\n\n[y](y.md)\n\n<script>\n\n[z](z.md)\n</script>\n\nText.\n\n<div id="d">\n\n[w](w.md)\n</div>\n',
  '<pre>\nnever closed\n\nx\n\n[a](a.md)\n',
  '- item\n\n  ```\n  in item\n\n  still\n  ```\n\n- two [t](t.md)\n\nafter\n\n1. one\n\n2) two\n',
  '> quote\n\n> ```\n> q\n\nafter [q](q.md)\n\n    indented\n\n    code\n\nnext\n',
  '---\ntitle: x\n\nmore: y\n---\n\n# T\n\n---\nnot: matter\n---\n\n# T\n',
  '---\nnot closed\n\n# T\n\nText.\n',
  '----\ntitle: x\n---\n\n# T\n',
  'Setext\n\n===\n\n# T\n\n\ttabbed [a](a.md)\n\nText\twith\ttabs `a\tb`.\n\n# T\n\n## T\n',
  '[a][r]\n\n# H\n\n[r]: r.md\n',
  'Text[^1].\n\n# H\n\n[^1]: Note [n](n.md).\n',
  'A paragraph\nthat goes on\n\n- a\n- b\n\n  lazy\ncontinuation\n\nx\n',
];

/** Docs shaped like bench/docs/generate-real-shaped.ts: a spec of requirements, a changelog, a site page. */
function realShaped(): string[] {
  const spec = ['# Spec', '', '## Design', ''];
  for (let i = 1; i < 160; i++)
    spec.push(
      i % 40 === 0
        ? `\n## Section ${i}\n`
        : i % 17 === 0
          ? "```ts\nimport { value1 } from '../../packages/pkg-01/src/module-001.js';\n```"
          : `- Requirement ${i}: \`packages/pkg-01/src/module-${i}.ts\` must keep invariants (see [spec](spec-01.md#design)).`,
    );
  const changelog = ['# @real/pkg', ''];
  for (let r = 60; r > 0; r--)
    changelog.push(
      `## 1.${r}.0`,
      '',
      '### Patch Changes',
      '',
      `- abc${r}: fix \`src/m.ts\` ([#${r}](https://x/${r}))`,
      '',
    );
  const page = ['---', 'slug: /intro', '---', '# Page', '', 'Next: [page](./page-001); [figure](/img/f.png).', ''];
  for (let i = 0; i < 60; i++) page.push(`Step ${i}: call \`pkg\` from \`packages/pkg/src/m-${i}.ts\`.`, '');
  return [spec.join('\n'), changelog.join('\n'), page.join('\n')];
}

describe('parseMarkdown in pieces against the whole file', () => {
  it('finds the same facts in the CommonMark spec examples, run together', () => {
    const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
    const examples = spec.tests.map((t) => t.markdown);
    // Without definitions, so that the pieces are cut (a file with `]:` is parsed whole).
    const cuts = expectSameFacts([
      ...runTogether(examples, 12),
      ...runTogether(
        examples.filter((e) => !e.includes(']:')),
        12,
      ),
    ]);
    expect(cuts).toBeGreaterThan(1000);
  }, 120_000);

  it('finds the same facts where fenced code, HTML blocks and front matter run on through blank lines', () => {
    expect(expectSameFacts(openBlocks)).toBeGreaterThan(20);
  });

  it('finds the same facts in docs shaped like the real-shaped benchmark', () => {
    expect(expectSameFacts(realShaped())).toBeGreaterThan(100);
  }, 120_000);

  it("finds the same facts in this repository's markdown", () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    // As written and with a cut wherever one may be: parse-markdown.differential.test.ts already
    // compares the default pieces with the mdast tree on every variant of these files.
    const texts = files.map((f) => readFileSync(`${root}/${f}`, 'utf8'));
    expect(expectSameFacts(texts, (text) => [text], [1])).toBeGreaterThan(100);
  }, 120_000);
});
