// budget/command-failed: the budget's command exited non-zero. The finding itself is made in ../budget-outcome.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const commandFailed: RuleMeta<'command-failed'> = {
  id: 'command-failed',
  severity: 'error',
  finds: "the budget's command exited non-zero",
  why: 'A failing command measures nothing; only runs that succeed count.',
  fix: 'Run the command at the repository root and fix the failure.',
  docs: 'docs/rules/budget.md#command-failed',
};
