import { describe, expect, it } from 'vitest';
import { findSuppressions } from './find-suppressions.js';

describe('findSuppressions', () => {
  it('reads the rule and the reason after the colon', () => {
    expect(findSuppressions('a\n  // harness-ignore layers/cross-domain:  shared fixture, see #7  \nimport x from "y";\n')).toEqual([
      { line: 2, rule: 'layers/cross-domain', reason: 'shared fixture, see #7' },
    ]);
  });

  it('keeps comments without a colon or reason, so they can be reported', () => {
    expect(findSuppressions('// harness-ignore layers/forward-only legacy\n// harness-ignore layers/forward-only\n')).toEqual([
      { line: 1, rule: 'layers/forward-only', reason: '' },
      { line: 2, rule: 'layers/forward-only', reason: '' },
    ]);
  });

  it("leaves other checks' suppressions alone", () => {
    expect(findSuppressions('// harness-ignore docs/orphan: generated\n')).toEqual([]);
  });
});
