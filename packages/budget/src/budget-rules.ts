// The findings harness budget reports; each has a section in docs/budget.md
// (a test keeps this list and the docs in step).
export const budgetRules = {
  'over-budget': 'the median run took longer than the budget’s seconds',
  'command-failed': 'the budget’s command exited non-zero',
  'task-over-budget': 'a turbo task’s median time is over its per-task budget',
  'task-missing': 'a per-task budget names a task the command did not run',
  'no-turbo-summary': 'per-task budgets are set but the command wrote no turbo run summary',
  regression: 'the latest median is over 1.25× the trailing median on the same machine',
} as const;

export type BudgetRuleId = keyof typeof budgetRules;

export const budgetDocs = 'docs/budget.md';

export function ruleDocs(rule: BudgetRuleId): string {
  return `${budgetDocs}#${rule}`;
}
