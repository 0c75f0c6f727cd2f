import { describe, expect, it } from 'vitest';
import { findSuppressions } from './find-suppressions.js';

describe('findSuppressions', () => {
  it('reads the rule and the reason after the colon', () => {
    expect(
      findSuppressions('a\n  // harness-ignore layers/cross-domain:  shared fixture, see #7  \nimport x from "y";\n'),
    ).toEqual([{ line: 2, rule: 'layers/cross-domain', reason: 'shared fixture, see #7' }]);
  });

  it('keeps comments without a colon or reason, so they can be reported', () => {
    expect(
      findSuppressions('// harness-ignore layers/forward-only legacy\n// harness-ignore layers/forward-only\n'),
    ).toEqual([
      { line: 1, rule: 'layers/forward-only', reason: '' },
      { line: 2, rule: 'layers/forward-only', reason: '' },
    ]);
  });

  it("leaves other checks' suppressions alone", () => {
    expect(findSuppressions('// harness-ignore docs/orphan: generated\n')).toEqual([]);
  });

  it('finds ESLint disable and enable comments with their rule names, whatever the config says', () => {
    const source = [
      '// eslint-disable-next-line local/code-layering, import/no-restricted-paths -- reviewed in #12',
      "import a from './a';",
      '/* eslint-disable local/code-import-patterns */',
      "import b from './b'; // eslint-disable-line",
      '/* eslint-enable */',
      '/* eslint-disable-next-line',
      '   local/code-layering */',
      "import c from './c';",
      '// eslint-disabled-thing is not a directive',
    ].join('\n');
    expect(findSuppressions(source)).toEqual([
      { line: 1, rule: 'eslint-disable-next-line', reason: 'local/code-layering,import/no-restricted-paths' },
      { line: 3, rule: 'eslint-disable', reason: 'local/code-import-patterns' },
      { line: 4, rule: 'eslint-disable-line', reason: '' },
      { line: 5, rule: 'eslint-enable', reason: '' },
      // A block comment over two lines counts from its last line.
      { line: 7, rule: 'eslint-disable-next-line', reason: 'local/code-layering' },
    ]);
  });
});
