import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import { commandFailed } from './command-failed.js';

const place = { file: 'harness.config.yaml', line: 3 };
const rulesOf = (budget: Parameters<typeof summarizeRuns>[0], runs: Parameters<typeof summarizeRuns>[1]) =>
  budgetDiagnostics(budget, summarizeRuns(budget, runs), place).map((d) => [d.rule, d.severity, d.docs]);
const found = [['budget/command-failed', commandFailed.severity, commandFailed.docs]];

describe('budget/command-failed', () => {
  it('is reported when a run exited non-zero', () => {
    const budget = { name: 'build', command: 'pnpm build', seconds: 60 };
    expect(rulesOf(budget, [entry({ exitCode: 2, durationMs: 100 })])).toEqual(found);
    expect(rulesOf(budget, [entry({ exitCode: 0, durationMs: 100 })])).toEqual([]);
  });
});
