import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import { noTurboSummary } from './no-turbo-summary.js';

const place = { file: 'harness.config.yaml', line: 3 };
const rulesOf = (budget: Parameters<typeof summarizeRuns>[0], runs: Parameters<typeof summarizeRuns>[1]) =>
  budgetDiagnostics(budget, summarizeRuns(budget, runs), place).map((d) => [d.rule, d.severity, d.docs]);
const found = [['budget/no-turbo-summary', noTurboSummary.severity, noTurboSummary.docs]];

describe('budget/no-turbo-summary', () => {
  it('is reported when tasks are budgeted and the runs recorded no turbo summary', () => {
    const budget = { name: 'b', command: 'turbo run build', seconds: 60, tasks: { 'web#build': 9 } };
    expect(rulesOf(budget, [entry()])).toEqual(found);
    expect(
      rulesOf(budget, [
        entry({ turbo: { hit: 0, miss: 1, tasks: { 'web#build': { ms: 4000, cache: 'MISS' as const } } } }),
      ]),
    ).toEqual([]);
  });
});
