// budget/regression: the latest median is over 1.25× the trailing median on the same machine. The finding itself is made in ../budget-report.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const regression: RuleMeta<'regression'> = {
  id: 'regression',
  severity: 'warning',
  finds: 'the latest median is over 1.25× the trailing median on the same machine',
  why: 'A slowdown found when it lands is cheap to fix; found when the budget is hit, it is one of many.',
  fix: "Find the commit that made the command slower (`harness budget report NAME --format json` lists each result's commit).",
  docs: 'docs/rules/budget.md#regression',
};
