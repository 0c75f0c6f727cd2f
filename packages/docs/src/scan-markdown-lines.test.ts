import { describe, expect, it } from 'vitest';
import { compileFacts } from './compile-facts.js';
import type { ParsedMarkdown } from './markdown-facts.js';
import { tokenize } from './parse-markdown.js';
import { scanMarkdownLines } from './scan-markdown-lines.js';

const parsed = (text: string): ParsedMarkdown => compileFacts(text, tokenize(text));
const facts = (p: ParsedMarkdown) => ({
  links: p.links.map((l) => [l.kind, l.url, l.line, l.column, l.start, l.end]),
  code: p.runs.filter((r) => r.kind !== 'text').map((r) => [r.kind, r.value, r.line, r.column, r.start, r.end, r.lang]),
  text: p.runs.filter((r) => r.kind === 'text').map((r) => r.value.trim()),
  headings: p.headings.map((h) => [h.slug, h.line]),
  anchors: [...p.anchors].sort(),
  frontmatter: p.frontmatter,
});

// The forms real docs use, each on one line: the scanner must find what the parser finds.
const samples = [
  '# Title\n\nSee [the guide](docs/guide.md) and ![logo](img/logo.png "Logo").\n',
  '---\nowner: ana\nstatus: draft\n---\n# Doc\n\n- [a](a.md)\n- [b](<b c.md>)\n  - [c](sub/c.md#part)\n',
  '[![CI](https://x/badge.svg)](https://x/actions) [docs](docs/) <https://example.com>\n',
  'Run `pnpm run [x](y.md)` then `src/app.ts`, and `` a`b ``, `` ` ``.\n\n\\[not](a.md) [yes](b.md)\n',
  '## Setup & `harness check` flags\n\nText\n\n## Usage\n\n## Usage\n\n<a name="custom"></a> <div id="x"></div>\n',
  'Setext heading\n==============\n\nOther\n---\n\n> quoted [link](q.md)\n> > deeper `code`\n',
  '```sh\npnpm run build\n[no](x.md)\n```\n\n~~~\nplain\n~~~\n\n- item\n  ```ts\n  const a = 1;\n  ```\n',
  '[ref]: docs/ref.md\n[other]: <docs/other file.md> "Title"\n\nUse [ref] and [text][other].\n',
  'Imports: @docs/rules.md and a path /home/me/x.md\n',
  '# Heading with [link](l.md) and <b>html</b>\r\n\r\nCRLF [line](crlf.md)\r\n',
  '\uFEFF# BOM\n\n[after](bom.md)\n',
];

describe('scanMarkdownLines', () => {
  for (const text of samples) {
    it(`finds what the CommonMark parser finds in ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(facts(scanMarkdownLines(text))).toEqual(facts(parsed(text)));
    });
  }
});
