import { describe, expect, it } from 'vitest';
import { createBudgetReport } from '../budget-report.js';
import { entry } from '../history-entry.fixture.js';
import { regression } from './regression.js';

const budgets = [{ name: 'build', command: 'pnpm build', seconds: 600 }];
const results = (ms: number[]) =>
  ms.map((durationMs, i) => entry({ invocation: `i${i}`, time: `2026-01-0${i + 1}T00:00:00.000Z`, durationMs }));
const findings = (ms: number[]) =>
  createBudgetReport({ entries: results(ms), budgets }).diagnostics.map((d) => [d.rule, d.severity, d.docs]);

describe('budget/regression', () => {
  it('is reported when the latest median is over 1.25x the trailing median, not at it', () => {
    expect(findings([1000, 1000, 1000, 1300])).toEqual([['budget/regression', regression.severity, regression.docs]]);
    expect(findings([1000, 1000, 1000, 1250])).toEqual([]);
  });
});
