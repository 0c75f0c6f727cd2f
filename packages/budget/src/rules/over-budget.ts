// budget/over-budget: the median run took longer than the budget's seconds. The finding itself is made in ../budget-outcome.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const overBudget: RuleMeta<'over-budget'> = {
  id: 'over-budget',
  severity: 'error',
  finds: "the median run took longer than the budget's seconds",
  why: "An agent's build loop that grows slower costs every later change; the budget makes the growth a finding.",
  fix: 'Make the command faster (the finding names the slowest turbo tasks), or raise `seconds` if the new time is accepted.',
  docs: 'docs/rules/budget.md#over-budget',
};
