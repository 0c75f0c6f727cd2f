// rulesets/missing: a ruleset file defines a ruleset the repository does not have. The finding itself is made by planDiagnostics in ../rulesets-rules.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const missing: RuleMeta<'missing'> = {
  id: 'missing',
  severity: 'error',
  finds: 'a ruleset file defines a ruleset the repository does not have',
  why: 'A protection that exists only in a file protects nothing.',
  fix: 'Run `harness rulesets apply` to create it, or delete the file if the ruleset is no longer wanted.',
  docs: 'docs/rules/rulesets.md#missing',
};
