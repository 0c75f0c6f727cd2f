// budget/no-turbo-summary: per-task budgets are set but the command wrote no turbo run summary. The finding itself is made in ../budget-outcome.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const noTurboSummary: RuleMeta<'no-turbo-summary'> = {
  id: 'no-turbo-summary',
  severity: 'error',
  finds: 'per-task budgets are set but the command wrote no turbo run summary',
  why: "Without turbo's run summary the per-task budgets cannot be checked.",
  fix: 'Budget a command that runs `turbo run`, or remove `tasks`.',
  docs: 'docs/rules/budget.md#no-turbo-summary',
};
