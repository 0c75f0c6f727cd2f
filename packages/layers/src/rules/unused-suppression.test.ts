import { describe, expect, it } from 'vitest';
import { applySuppressions } from '../apply-suppressions.js';
import type { GraphFile } from '../layers-types.js';
import type { Violation } from '../find-violations.js';

const file = (suppressions: GraphFile['suppressions']) => ({ path: 'src/a.ts', suppressions });
const violation: Violation = {
  check: 'layers',
  rule: 'layers/forward-only',
  ruleId: 'forward-only',
  severity: 'error',
  file: 'src/a.ts',
  line: 5,
  target: 'src/b.ts',
  message: 'm',
  fix: 'f',
  docs: 'docs/rules/layers.md#forward-only',
};

describe('layers/unused-suppression', () => {
  it('silences the finding on the next line', () => {
    const result = applySuppressions(
      [file([{ line: 4, rule: 'layers/forward-only', reason: 'legacy, see #12' }])],
      [violation],
    );
    expect(result).toEqual({ kept: [], problems: [] });
  });

  it('reports a suppression that silences nothing', () => {
    const result = applySuppressions([file([{ line: 2, rule: 'layers/forward-only', reason: 'legacy' }])], [violation]);
    expect(result.kept).toEqual([violation]);
    expect(result.problems).toMatchObject([
      { rule: 'layers/unused-suppression', file: 'src/a.ts', line: 2, docs: 'docs/rules/layers.md#unused-suppression' },
    ]);
  });
});
