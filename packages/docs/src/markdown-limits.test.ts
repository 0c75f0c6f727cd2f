import { describe, expect, it } from 'vitest';
import { deepNesting, maxNesting, maxParsedLength, whyNotParsed } from './markdown-limits.js';
import { parseMarkdown } from './parse-markdown.js';

const nestedList = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}\n`).join('');

describe('deepNesting', () => {
  it('finds the first line nested deeper than the cap in lists, block quotes and both', () => {
    expect(deepNesting(nestedList(10), 32)).toBeUndefined();
    expect(deepNesting(nestedList(40), 32)).toBe(33);
    expect(deepNesting(`${'>'.repeat(33)} deep\n`, 32)).toBe(1);
    expect(deepNesting(`${'> '.repeat(20)}${'- '.repeat(13)}x\n`, 32)).toBe(1);
    expect(deepNesting('# T\n\n- a\n  - b\n    - c\n\ntext\n\n- d\n', 2)).toBe(5);
  });

  it('keeps items open across lazy lines, closes them after a blank line, and skips fenced code', () => {
    const lazy = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item ${i}\nlazy continuation\n`).join('');
    expect(deepNesting(lazy, 32)).toBe(65);
    const separated = Array.from({ length: 40 }, (_, i) => `- item ${i}\n\ntext\n\n`).join('');
    expect(deepNesting(separated, 32)).toBeUndefined();
    expect(deepNesting(`\`\`\`\n${nestedList(40)}\`\`\`\n`, 32)).toBeUndefined();
  });
});

describe('parseMarkdown past the limits', () => {
  it('reads files 10,000 levels deep line by line, and says so', () => {
    for (const deep of [
      `${'- '.repeat(10_000)}[link](docs/a.md)\n`,
      `${'>'.repeat(10_000)} [link](docs/a.md)\n`,
      `${'> - '.repeat(5_000)}[link](docs/a.md)\n`,
    ]) {
      const parsed = parseMarkdown(`# Deep\n\n${deep}`);
      expect(parsed.lineScanned).toBe(`line 3 is nested more than ${maxNesting} lists or block quotes deep`);
      expect(parsed.links.map((l) => [l.url, l.line])).toEqual([['docs/a.md', 3]]);
    }
  });

  it('reads 1,000 indented list levels (1 MB) line by line, and finds what they name', () => {
    const text = `${nestedList(1000)}\n[link](docs/a.md) \`src/x.ts\`\n`;
    const parsed = parseMarkdown(text);
    expect(parsed.lineScanned).toBe('it is 987 KB, over the 128 KB the CommonMark parser reads');
    expect(parsed.links.map((l) => [l.url, l.line])).toEqual([['docs/a.md', 1002]]);
    expect(parsed.runs.filter((r) => r.kind === 'code').map((r) => r.value)).toEqual(['src/x.ts']);
  });

  it('reads a small file nested past the cap line by line, naming the line', () => {
    const parsed = parseMarkdown(`# Deep\n\n${nestedList(1000).slice(0, 60_000)}`);
    expect(parsed.lineScanned).toBe(
      `line ${maxNesting + 3} is nested more than ${maxNesting} lists or block quotes deep`,
    );
    expect(parsed.headings.map((h) => h.slug)).toEqual(['deep']);
  });

  it('parses ordinary files in full', () => {
    expect(whyNotParsed('# Doc\n\n- [a](a.md)\n  - nested\n')).toBeUndefined();
    expect(parseMarkdown('x'.repeat(maxParsedLength)).lineScanned).toBeUndefined();
    expect(parseMarkdown('x'.repeat(maxParsedLength + 1)).lineScanned).toContain('over the 128 KB');
  });
});
