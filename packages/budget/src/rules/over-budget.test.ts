import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import { overBudget } from './over-budget.js';

const place = { file: 'harness.config.yaml', line: 3 };
const rulesOf = (budget: Parameters<typeof summarizeRuns>[0], runs: Parameters<typeof summarizeRuns>[1]) =>
  budgetDiagnostics(budget, summarizeRuns(budget, runs), place).map((d) => [d.rule, d.severity, d.docs]);
const found = [['budget/over-budget', overBudget.severity, overBudget.docs]];

describe('budget/over-budget', () => {
  it('is reported when the median is over seconds, not at it', () => {
    const budget = { name: 'build', command: 'pnpm build', seconds: 2 };
    expect(rulesOf(budget, [entry({ durationMs: 2500 })])).toEqual(found);
    expect(rulesOf(budget, [entry({ durationMs: 2000 })])).toEqual([]);
  });
});
