// parseMarkdown compiles micromark's events straight into facts; this holds it to the walk over
// mdast-util-from-markdown's tree that it replaced, on the CommonMark spec's examples, on edge
// cases of our own, and on every markdown file in this repository, each also with CRLF endings and with `@` after
// every space (so that nearly all prose is kept, not only the prose that may hold an @import).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Frontmatter, Heading, MarkdownLink, TextRun } from '../src/parse-markdown.js';
import { maxParsedLength } from '../src/markdown-limits.js';
import { parseMarkdown } from '../src/parse-markdown.js';

interface Facts {
  links: MarkdownLink[];
  runs: TextRun[];
  headings: Heading[];
  anchors: string[];
  frontmatter: Frontmatter;
}

const everyExtension = {
  extensions: [gfmFootnote(), frontmatter(['yaml'])],
  mdastExtensions: [gfmFootnoteFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};
const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;

/** The facts as a walk over the mdast tree finds them: what parseMarkdown did before it read events. */
function factsFromTree(text: string): Facts {
  const facts: Facts = { links: [], runs: [], headings: [], anchors: [], frontmatter: { kind: 'none' } };
  const slugger = new GithubSlugger();
  const walk = (node: Nodes): void => {
    const p = node.position;
    const span =
      p === undefined
        ? undefined
        : { line: p.start.line, column: p.start.column, start: p.start.offset ?? 0, end: p.end.offset ?? 0 };
    if (span !== undefined) {
      switch (node.type) {
        case 'link':
        case 'image':
        case 'definition':
          facts.links.push({ ...span, url: node.url, kind: node.type });
          break;
        case 'inlineCode':
          facts.runs.push({ ...span, value: node.value, kind: 'code' });
          break;
        case 'text':
          if (mayMatter.test(node.value)) facts.runs.push({ ...span, value: node.value, kind: 'text' });
          break;
        case 'code':
          facts.runs.push({ ...span, value: node.value, kind: 'block', ...(node.lang ? { lang: node.lang } : {}) });
          break;
        case 'html':
          for (const m of node.value.matchAll(htmlAnchor)) if (m[1] !== undefined) facts.anchors.push(m[1]);
          break;
        case 'heading': {
          const headingText = plainText(node);
          const slug = slugger.slug(headingText);
          facts.headings.push({ text: headingText, slug, line: span.line });
          facts.anchors.push(slug);
          break;
        }
        case 'yaml': {
          let data: unknown;
          try {
            data = parseYaml(node.value, { logLevel: 'error' }) ?? {};
          } catch {
            data = undefined;
          }
          const mapping = typeof data === 'object' && data !== null && !Array.isArray(data);
          facts.frontmatter = mapping
            ? { kind: 'data', line: span.line, data: data as Record<string, unknown> }
            : { kind: 'invalid', line: span.line, reason: '' };
          break;
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromMarkdown(text, everyExtension));
  return facts;
}

function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c)).join('');
  if (node.type === 'image') return node.alt ?? '';
  return '';
}

function factsFromEvents(text: string): Facts {
  const parsed = parseMarkdown(text);
  const fm = parsed.frontmatter;
  return { ...parsed, anchors: [...parsed.anchors], frontmatter: fm.kind === 'invalid' ? { ...fm, reason: '' } : fm };
}

const sort = (facts: Facts): Facts => ({ ...facts, anchors: [...facts.anchors].sort() });

function expectSameFacts(texts: string[]): number {
  let compared = 0;
  for (const text of texts) {
    // Prose is kept only when it may hold an @import or a machine path: the `@` variant keeps nearly all of it.
    for (const variant of [text, text.replace(/\r?\n/g, '\r\n'), text.replaceAll(' ', ' @')]) {
      // Past the parser's limit the line scanner reads a file, by design (markdown-limits.ts), not the
      // CommonMark parser this test holds to the mdast walk: such a variant must say so instead
      // (a long file's `@` variant can be past it).
      if (variant.length > maxParsedLength) {
        expect(parseMarkdown(variant).lineScanned).toContain('over the 128 KB');
        continue;
      }
      expect(sort(factsFromEvents(variant)), JSON.stringify(variant)).toEqual(sort(factsFromTree(variant)));
      compared++;
    }
  }
  return compared;
}

const edgeCases = [
  '---\ntitle: x\nowner: "@ana"\n---\n# Doc\n',
  '\uFEFF---\nowner: me\n---\nText [a](a.md).\n',
  '---\n[bad: yaml\n---\n',
  '# Doc\n\n---\nnot: front matter\n---\n',
  'Text.[^1] and [^note] in [a `b`](c.md)\n\n[^1]: Deprecated, see [d](d.md).\n\n    More of the note, [l](l.md) `/home/x`.\n\n[^note]: `src/x.ts`\n',
  '# Title with ![an *image* `code` <b>html</b> ![inner](i.png)](x.png) and [a link `c`](l.md)[^1]\n\n[^1]: n\n',
  '# <a name="top"></a> Heading &amp; more &#35; &#x41; \\* escaped\n\n## Heading &amp; more &#35; &#x41; \\* escaped\n',
  'Setext *one*\nline two  \nthree\\\nfour\n===\n\nSetext two\n---\n',
  'Autolinks <https://example.com/a_b> and <someone@example.com> and <mailto:x@y.z>.\n',
  '[ref][r] [collapsed][] [shortcut] ![img ref][r] [![inner](a.png)](b.md) [![inner][r]](c.md) [![inner](d.png)][r]\n\n[r]: <docs/r d.md> "title"\n[shortcut]: s.md\n[collapsed]: \\<c&amp;.md\n',
  'Paths /home/ana/x and C:\\Users\\x and @AGENTS.md and @docs/a.md in *emph /home/b* **strong @c.md**\nnext line /Users/d\n',
  '```ts title="x"\nconst a = "@x";\n```\n\n~~~\nunclosed\n',
  '    indented\n\tcode\n\n\t\ttabbed\n\n- list\n\n      code in list\n',
  '<div id="flow">\n[not a link](x.md)\n</div>\n\n<span name=\'inline\'>[a](b.md)</span>\n',
  '> quote [q](q.md)\n> `/home/q`\n>\n> - item [i](i.md)\n',
  '[a](<b c.md> "t") [e](f.md#anchor) ![](empty-alt.png) [](empty.md) [x]()\n',
  'Line with trailing spaces   \nand a backslash\\\nbreak and `code\nspanning` lines\n',
  '# \n\n#\n\n### Trailing ###\n\n# `only code`\n',
  '[^ not a footnote](x.md) and [a]^[b]\n\n[a]: a.md\n',
  '*a [b](c.md) /home/x* text @y [c **d** `e`](f.md) &copy; /home/&#x7A;\n',
];

describe('parseMarkdown against the mdast tree walk', () => {
  it('finds the same facts in every CommonMark spec example', () => {
    const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
    expect(spec.tests.length).toBeGreaterThan(600);
    expectSameFacts(spec.tests.map((t) => t.markdown));
  });

  it('finds the same facts in edge cases: front matter, footnotes, headings with images and references, breaks, code, HTML anchors', () => {
    expectSameFacts(edgeCases);
  });

  it("finds the same facts in this repository's markdown", () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(20);
    expectSameFacts(files.map((f) => readFileSync(`${root}/${f}`, 'utf8')));
    // The work grows with this repository's docs (2 s alone, over 5 s beside other tests on 2 busy
    // cores): a deadline that only says how busy the machine was is not a finding.
  }, 60_000);
});
