import { describe, expect, it } from 'vitest';
import { lineCount } from './docs-model.js';

describe('lineCount', () => {
  it('counts lines as an editor shows them: a last line without a newline counts, a final newline adds none', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['\n', 1],
      ['one', 1],
      ['one\n', 1],
      ['one\ntwo', 2],
      ['one\n\ntwo\n', 3],
      ['one\r\ntwo\r\n', 2],
    ];
    for (const [text, lines] of cases) expect(lineCount(text), JSON.stringify(text)).toBe(lines);
  });
});
