import { describe, expect, it } from 'vitest';
import { applyBaseline, describeStaleEntry } from '@harness/diagnostics';

describe('layers/stale-baseline', () => {
  it('lists entries that no finding matches', () => {
    const entry = { file: 'src/a.ts', rule: 'layers/forward-only', target: 'src/b.ts' };
    const { stale, remaining } = applyBaseline([], [entry]);
    expect(stale).toEqual([entry]);
    expect(remaining).toEqual([]);
    expect(describeStaleEntry('layers', entry, '.harness/baseline/layers.json').message).toBe(
      'the baseline still accepts layers/forward-only for src/a.ts → src/b.ts, but that finding is gone (fixed or moved away).',
    );
  });
});
