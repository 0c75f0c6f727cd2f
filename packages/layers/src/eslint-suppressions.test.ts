import { describe, expect, it } from 'vitest';
import { createEslintSilencer } from './eslint-suppressions.js';
import { findSuppressions } from './find-suppressions.js';

/** The lines 1..n that the source's ESLint comments silence for these rule names. */
function silencedLines(source: string, names: string[]): number[] {
  const silences = createEslintSilencer(findSuppressions(source), names);
  return source
    .split('\n')
    .map((_, i) => i + 1)
    .filter((line) => silences(line));
}

describe('createEslintSilencer', () => {
  it('covers the next line, only for a listed rule name', () => {
    const source =
      "// eslint-disable-next-line local/layering\nimport a from './a';\n// eslint-disable-next-line no-console\nimport b from './b';\n";
    expect(silencedLines(source, ['local/layering'])).toEqual([2]);
    expect(silencedLines(source, [])).toEqual([]);
  });

  it('covers a disable … enable block for a listed name, and a bare disable to the end of the file', () => {
    const block =
      "import x from './x';\n/* eslint-disable local/layering */\nimport a from './a';\nimport b from './b';\n/* eslint-enable local/layering */\nimport c from './c';";
    expect(silencedLines(block, ['local/layering'])).toEqual([2, 3, 4]);
    expect(silencedLines(block, ['other/rule'])).toEqual([]);
    const bare = "import x from './x';\n/* eslint-disable */\nimport a from './a';";
    expect(silencedLines(bare, ['local/layering'])).toEqual([2, 3]);
  });
});
