import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import { taskMissing } from './task-missing.js';

const place = { file: 'harness.config.yaml', line: 3 };
const rulesOf = (budget: Parameters<typeof summarizeRuns>[0], runs: Parameters<typeof summarizeRuns>[1]) =>
  budgetDiagnostics(budget, summarizeRuns(budget, runs), place).map((d) => [d.rule, d.severity, d.docs]);
const found = [['budget/task-missing', taskMissing.severity, taskMissing.docs]];

describe('budget/task-missing', () => {
  it('is reported for a tasks key that no task the command ran matches', () => {
    const turbo = { hit: 0, miss: 1, tasks: { 'web#build': { ms: 4000, cache: 'MISS' as const } } };
    expect(
      rulesOf({ name: 'b', command: 'turbo run build', seconds: 60, tasks: { 'web#biuld': 9 } }, [entry({ turbo })]),
    ).toEqual(found);
    expect(
      rulesOf({ name: 'b', command: 'turbo run build', seconds: 60, tasks: { 'web#build': 9 } }, [entry({ turbo })]),
    ).toEqual([]);
  });
});
