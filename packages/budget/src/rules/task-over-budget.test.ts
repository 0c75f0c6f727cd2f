import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import { taskOverBudget } from './task-over-budget.js';

const place = { file: 'harness.config.yaml', line: 3 };
const rulesOf = (budget: Parameters<typeof summarizeRuns>[0], runs: Parameters<typeof summarizeRuns>[1]) =>
  budgetDiagnostics(budget, summarizeRuns(budget, runs), place).map((d) => [d.rule, d.severity, d.docs]);
const found = [['budget/task-over-budget', taskOverBudget.severity, taskOverBudget.docs]];

describe('budget/task-over-budget', () => {
  it("is reported when a task's median is over its entry in tasks", () => {
    const turbo = { hit: 0, miss: 1, tasks: { 'web#build': { ms: 4000, cache: 'MISS' as const } } };
    expect(
      rulesOf({ name: 'b', command: 'turbo run build', seconds: 60, tasks: { 'web#build': 3 } }, [entry({ turbo })]),
    ).toEqual(found);
    expect(
      rulesOf({ name: 'b', command: 'turbo run build', seconds: 60, tasks: { 'web#build': 5 } }, [entry({ turbo })]),
    ).toEqual([]);
  });
});
