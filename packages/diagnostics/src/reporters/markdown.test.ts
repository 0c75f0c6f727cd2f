import { describe, expect, it } from 'vitest';
import { canonicalResult, emptyResult } from './canonical-result.fixture.js';
import { createResultDocument } from '../diagnostic.js';
import { codeSpan, escapeCell, escapeText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders a checks table and a findings table', () => {
    expect(renderMarkdown(canonicalResult)).toMatchSnapshot();
  });

  it('omits the findings table when there are none', () => {
    const text = renderMarkdown(emptyResult);
    expect(text).toContain('✅ passed');
    expect(text).not.toContain('| where |');
  });

  it('keeps within maxBytes, counting the findings it leaves out (a step summary over 1 MiB shows nothing)', () => {
    const many = createResultDocument(
      [{ name: 'layers', ok: false, durationMs: 9 }],
      Array.from({ length: 500 }, (_, i) => ({
        check: 'layers',
        rule: 'layers/forward-only',
        severity: 'error' as const,
        file: `src/file-${String(i).padStart(3, '0')}.ts`,
        line: 1,
        message: 'service may not import ui.',
        fix: 'Move it down.',
        docs: 'docs/rules/layers.md#forward-only',
      })),
    );
    const full = renderMarkdown(many);
    const cut = renderMarkdown(many, { maxBytes: 10_000 });
    expect(Buffer.byteLength(full)).toBeGreaterThan(10_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
    const shown = cut.split('\n').filter((line) => line.startsWith('| `src/file-')).length;
    expect(shown).toBeGreaterThan(10);
    expect(cut).toContain(`${500 - shown} more findings are not shown`);
    expect(renderMarkdown(many, { maxBytes: Buffer.byteLength(full) })).toBe(full);
  });

  it('keeps pipes and newlines from breaking a table row', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b<br>c');
  });
});

/** A CommonMark code span (spec 6.1): an opening run of n backticks, the content, a closing run of n. */
function readCodeSpan(text: string): string | undefined {
  const open = /^`+/.exec(text)?.[0];
  if (open === undefined) return undefined;
  const rest = text.slice(open.length);
  const close = new RegExp(`(?<!\`)${open}(?!\`)`).exec(rest);
  if (close === null) return undefined;
  const content = rest.slice(0, close.index);
  return /^ .*[^ ].* $/s.test(content) ? content.slice(1, -1) : content;
}

/** The cells of a GFM table row: split at pipes that are not escaped, then `\|` is a pipe. */
function cellsOf(row: string): string[] {
  return row
    .replace(/^\| | \|$/g, '')
    .split(/(?<!\\) \| /)
    .map((cell) => cell.replace(/\\\|/g, '|'));
}

describe('user data in markdown', () => {
  const names = [
    'a`b.md',
    '`start.md',
    'end`',
    'two``ticks.md',
    'pipe|name.md',
    ' space.md',
    'x:y.md',
    'back\\slash.md',
  ];

  it.each(names)('keeps the file name %j whole in its code span', (file) => {
    const doc = createResultDocument(
      [{ name: 'docs', ok: false, durationMs: 1 }],
      [
        {
          check: 'docs',
          rule: 'docs/orphan',
          severity: 'error',
          file,
          line: 1,
          message: 'm',
          fix: 'f',
          docs: 'docs/rules/docs.md#orphan',
        },
      ],
    );
    const row = renderMarkdown(doc).trimEnd().split('\n').at(-1) ?? '';
    const cells = cellsOf(row);
    expect(cells).toHaveLength(4);
    expect(readCodeSpan(cells[0] ?? '')).toBe(`${file}:1`);
  });

  it('escapes markup and HTML in text, so a file name cannot become a tag or a link', () => {
    expect(escapeText('<img src=x> *b* [l](u) a_b_c & `c` ~s~')).toBe(
      '\\<img src=x\\> \\*b\\* \\[l\\](u) a\\_b\\_c \\& \\`c\\` \\~s\\~',
    );
  });

  it('builds code spans for any run of backticks', () => {
    for (const text of ['a', '`', '``a```b', 'a ', ' a', '|'])
      expect(readCodeSpan(codeSpan(text).replace(/\\\|/g, '|'))).toBe(text);
  });
});
