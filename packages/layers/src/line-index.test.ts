import { describe, expect, it } from 'vitest';
import { createLineIndex } from './line-index.js';

/** Line and column by splitting the text before the offset: the definition. */
function naive(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

describe('createLineIndex', () => {
  const source = "import a from 'a';\n\nimport b from 'b';\r\nconst x = 1;\n\n\nrequire('c');\nexport {};\n";
  const offsets = Array.from({ length: source.length + 1 }, (_, i) => i);

  it('gives each offset its line and column, asked in order', () => {
    const lines = createLineIndex(source);
    for (const offset of offsets) expect(lines.position(offset)).toEqual(naive(source, offset));
  });

  it('gives the same asked out of order, and again for the same offset', () => {
    const lines = createLineIndex(source);
    for (const offset of [...offsets].reverse()) expect(lines.position(offset)).toEqual(naive(source, offset));
    for (const offset of [40, 3, 40, 0, 25, 25, source.length])
      expect(lines.position(offset)).toEqual(naive(source, offset));
  });

  it('counts lines in a file without a newline, and in an empty one', () => {
    expect(createLineIndex('export {};').position(7)).toEqual({ line: 1, column: 8 });
    expect(createLineIndex('').position(0)).toEqual({ line: 1, column: 1 });
  });
});
