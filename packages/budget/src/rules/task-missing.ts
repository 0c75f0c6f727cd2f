// budget/task-missing: a per-task budget names a task the command did not run. The finding itself is made in ../budget-outcome.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const taskMissing: RuleMeta<'task-missing'> = {
  id: 'task-missing',
  severity: 'warning',
  finds: 'a per-task budget names a task the command did not run',
  why: 'A per-task budget that matches nothing (a typo, a filtered task) judges nothing.',
  fix: 'Use the task id as turbo prints it, `package#task`.',
  docs: 'docs/rules/budget.md#task-missing',
};
