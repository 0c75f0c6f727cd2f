// budget/task-over-budget: a turbo task's median time is over its per-task budget. The finding itself is made in ../budget-outcome.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const taskOverBudget: RuleMeta<'task-over-budget'> = {
  id: 'task-over-budget',
  severity: 'error',
  finds: "a turbo task's median time is over its per-task budget",
  why: 'A per-task budget finds the one slow task that a whole-command budget hides.',
  fix: 'Speed the task up, or raise its entry in `tasks`.',
  docs: 'docs/rules/budget.md#task-over-budget',
};
