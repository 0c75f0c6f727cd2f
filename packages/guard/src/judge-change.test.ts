import { describe, expect, it } from 'vitest';
import { decideJudging } from './judge-change.js';
import type { Loosening } from './guard-types.js';

const config: Loosening = { surface: 'config', file: 'harness.config.yaml', line: 3, what: 'rules.x: error → off' };
const grown: Loosening = { surface: 'baseline', file: '.harness/baseline/layers.json', line: 4, what: 'added' };
const workflow: Loosening = { surface: 'workflow', file: '.github/workflows/ci.yml', line: 9, what: 'gate gone' };
const report = (open: Loosening[], accepted: { loosening: Loosening; by: string[] }[]) => ({
  outcome: { diagnostics: [] },
  open,
  accepted,
});

describe('decideJudging', () => {
  it("lets the change's config judge when its loosenings are all accepted, naming who approved", () => {
    const decided = decideJudging(report([workflow], [{ loosening: config, by: ['@lead', '@ops'] }]), true);
    expect(decided).toEqual({ changeConfig: 'its loosenings were approved by @lead, @ops', acceptedBaselines: [] });
  });

  it('keeps the base judging while one loosening of the config is open', () => {
    const open = decideJudging(report([config], [{ loosening: { ...config, line: 5 }, by: ['@lead'] }]), true);
    expect(open.changeConfig).toBeUndefined();
  });

  it('lets an edited config with no loosening judge, and an unedited one not', () => {
    expect(decideJudging(report([], []), true).changeConfig).toBe('it only tightens');
    expect(decideJudging(report([], []), false).changeConfig).toBeUndefined();
  });

  it('names a baseline only when all its growth is accepted', () => {
    expect(decideJudging(report([], [{ loosening: grown, by: ['@lead'] }]), false).acceptedBaselines).toEqual([
      grown.file,
    ]);
    const partly = report([{ ...grown, line: 6 }], [{ loosening: grown, by: ['@lead'] }]);
    expect(decideJudging(partly, false).acceptedBaselines).toEqual([]);
  });

  it('decides nothing when the guard skipped', () => {
    const skipped = { outcome: { diagnostics: [], skipped: 'no base' }, open: [], accepted: [] };
    expect(decideJudging(skipped, true)).toEqual({ acceptedBaselines: [] });
  });
});
