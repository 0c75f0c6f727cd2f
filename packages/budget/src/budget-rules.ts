// Every finding harness budget reports, in the order of docs/rules/budget.md; a test keeps this
// list, the rule files, their tests and that page in step.
import type { RuleMeta } from 'agent-harness-diagnostics';
import { ruleDocsLink } from 'agent-harness-diagnostics';
import { commandFailed } from './rules/command-failed.js';
import { noTurboSummary } from './rules/no-turbo-summary.js';
import { overBudget } from './rules/over-budget.js';
import { regression } from './rules/regression.js';
import { taskMissing } from './rules/task-missing.js';
import { taskOverBudget } from './rules/task-over-budget.js';

export const budgetRules = [
  overBudget,
  commandFailed,
  taskOverBudget,
  taskMissing,
  noTurboSummary,
  regression,
] as const satisfies readonly RuleMeta[];

export type BudgetRuleId = (typeof budgetRules)[number]['id'];

export const budgetDocs = 'docs/rules/budget.md';

export function ruleDocs(rule: BudgetRuleId): string {
  return ruleDocsLink(budgetDocs, rule);
}
