// rulesets/orphaned: a ruleset harness created is still on GitHub although its file is gone. The finding itself is made by planDiagnostics in ../rulesets-rules.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const orphaned: RuleMeta<'orphaned'> = {
  id: 'orphaned',
  severity: 'error',
  finds: 'a ruleset harness created is still on GitHub although its file is gone',
  why: 'Deleting the file was meant to remove the protection; a leftover ruleset keeps enforcing it.',
  fix: 'Run `harness rulesets apply` to delete it, or restore its file to keep it.',
  docs: 'docs/rules/rulesets.md#orphaned',
};
