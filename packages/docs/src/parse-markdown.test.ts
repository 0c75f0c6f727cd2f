import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown.js';

describe('parseMarkdown', () => {
  it('finds inline, reference-style and image links, not links inside code', () => {
    const md = ['See [a](a.md) and ![pic](img/p.png) and [ref][r].', '', '`[no](x.md)`', '', '```', '[no](y.md)', '```', '', '[r]: docs/r.md'].join('\n');
    const links = parseMarkdown(md).links.map((l) => [l.kind, l.url, l.line]);
    expect(links).toEqual([
      ['link', 'a.md', 1],
      ['image', 'img/p.png', 1],
      ['definition', 'docs/r.md', 9],
    ]);
  });

  it('finds links and code spans in table cells; a footnote definition is not a link', () => {
    const md = ['| doc | file |', '| --- | --- |', '| [guide](docs/guide.md) | `src/app.ts` |', '', 'Text.[^1]', '', '[^1]: Deprecated.'].join('\n');
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
    expect(parseMarkdown('---\nowner: ana\nstatus: draft\n---\n# T').frontmatter).toEqual({ kind: 'data', line: 1, data: { owner: 'ana', status: 'draft' } });
    expect(parseMarkdown('---\nowner: [ana\n---\n').frontmatter.kind).toBe('invalid');
    expect(parseMarkdown('# no front matter').frontmatter.kind).toBe('none');
  });
});
