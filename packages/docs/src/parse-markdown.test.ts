import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseOptions, tokenize } from './parse-markdown.js';

describe('parseMarkdown', () => {
  it('finds inline, reference-style and image links, not links inside code', () => {
    const md = [
      'See [a](a.md) and ![pic](img/p.png) and [ref][r].',
      '',
      '`[no](x.md)`',
      '',
      '```',
      '[no](y.md)',
      '```',
      '',
      '[r]: docs/r.md',
    ].join('\n');
    const links = parseMarkdown(md).links.map((l) => [l.kind, l.url, l.line]);
    expect(links).toEqual([
      ['link', 'a.md', 1],
      ['image', 'img/p.png', 1],
      ['definition', 'docs/r.md', 9],
    ]);
  });

  it('finds links and code spans in table cells; a footnote definition is not a link', () => {
    const md = [
      '| doc | file |',
      '| --- | --- |',
      '| [guide](docs/guide.md) | `src/app.ts` |',
      '',
      'Text.[^1]',
      '',
      '[^1]: Deprecated.',
    ].join('\n');
    const parsed = parseMarkdown(md);
    expect(parsed.links.map((l) => [l.kind, l.url, l.line])).toEqual([['link', 'docs/guide.md', 3]]);
    expect(parsed.runs.filter((r) => r.kind === 'code').map((r) => [r.value, r.line])).toEqual([['src/app.ts', 3]]);
  });

  it('gives GitHub anchors, duplicates numbered', () => {
    const md = '# Setup & Install\n\n## Usage\n\n## Usage\n\n## `harness check` flags\n\n<a name="custom"></a>';
    const parsed = parseMarkdown(md);
    expect(parsed.headings.map((h) => h.slug)).toEqual(['setup--install', 'usage', 'usage-1', 'harness-check-flags']);
    expect(parsed.anchors.has('custom')).toBe(true);
  });

  it('reads front matter, and says when it is malformed', () => {
    expect(parseMarkdown('---\nowner: ana\nstatus: draft\n---\n# T').frontmatter).toEqual({
      kind: 'data',
      line: 1,
      data: { owner: 'ana', status: 'draft' },
    });
    expect(parseMarkdown('---\nowner: [ana\n---\n').frontmatter.kind).toBe('invalid');
    expect(parseMarkdown('# no front matter').frontmatter.kind).toBe('none');
  });

  it('parses a file without front matter or footnote openings to the same events as with both extensions', () => {
    const every = { extensions: [gfmFootnote(), frontmatter(['yaml'])] };
    const events = (text: string, options: Parameters<typeof tokenize>[1]): string[] =>
      tokenize(text, options).map(
        ([phase, token]) => `${phase} ${token.type} ${token.start.offset}-${token.end.offset}`,
      );
    const samples = [
      '---\ntitle: x\n---\n# Doc\n',
      '\uFEFF---\nowner: me\n---\nText [a](a.md).\n',
      '# Doc\n\n---\nnot: front matter\n---\n',
      ' ---\nindented: no\n---\n',
      '- item\n- [link](x.md)\n\n---\n\n* [ ] task\n',
      'Text.[^1] and [^note]\n\n[^1]: Deprecated.\n\n    More of the note, [l](l.md).\n\n[^note]: `src/x.ts`\n',
      '[^ not a footnote](x.md) and [a]^[b]\n\n[a]: a.md\n',
      '---\n---\n[^1]\n\n[^1]: x\n',
      'Setext\n---\n\n***\n',
    ];
    for (const text of samples) {
      const used = parseOptions(text);
      expect(events(text, used), JSON.stringify(text)).toEqual(events(text, every));
    }
    // The samples take every path: no extension, footnotes only, front matter only, both.
    expect(new Set(samples.map((t) => parseOptions(t))).size).toBe(4);
  });
});
