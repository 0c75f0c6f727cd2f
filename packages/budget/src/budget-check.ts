// `harness check` judges the latest recorded result of each budget for the current commit
// (recorded-budgets.ts). This module is the package's `./check` entry: light, so that listing the
// checks loads none of them; the judging code is imported when the check runs.
import type { Check } from 'agent-harness-config';
import type { ReadGitState } from './git-state.js';

export function createBudgetCheck(adapters: { readGitState?: ReadGitState } = {}): Check {
  return {
    name: 'budget',
    description: 'The latest `harness budget` result of each budget for the current commit (never runs builds).',
    section: 'budgets',
    ruleIds: async () => (await import('./budget-rules.js')).budgetRules.map((r) => `budget/${r.id}`),
    ruleDefaults: async () =>
      Object.fromEntries((await import('./budget-rules.js')).budgetRules.map((r) => [`budget/${r.id}`, r.severity])),
    async run(context) {
      const [{ checkRecordedBudgets }, { readGitState }] = await Promise.all([
        import('./recorded-budgets.js'),
        import('./git-state.js'),
      ]);
      return checkRecordedBudgets(context, adapters.readGitState ?? readGitState);
    },
  };
}

export const budgetCheck: Check = createBudgetCheck();
