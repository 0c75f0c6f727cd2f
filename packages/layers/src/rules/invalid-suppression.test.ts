import { describe, expect, it } from 'vitest';
import { applySuppressions } from '../apply-suppressions.js';

describe('layers/invalid-suppression', () => {
  it('reports a suppression without a reason', () => {
    const { problems } = applySuppressions(
      [{ path: 'src/a.ts', suppressions: [{ line: 3, rule: 'layers/forward-only', reason: '' }] }],
      [],
    );
    expect(problems).toMatchObject([
      {
        rule: 'layers/invalid-suppression',
        line: 3,
        message:
          'harness-ignore layers/forward-only has no reason: every suppression says why the import is acceptable.',
      },
    ]);
  });

  it('reports an unknown rule with a suggestion', () => {
    const { problems } = applySuppressions(
      [{ path: 'src/a.ts', suppressions: [{ line: 1, rule: 'layers/forward-onyl', reason: 'x' }] }],
      [],
    );
    expect(problems[0]?.message).toBe(
      'harness-ignore names an unknown rule "layers/forward-onyl": did you mean "layers/forward-only"?',
    );
  });
});
