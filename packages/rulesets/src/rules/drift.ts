// rulesets/drift: a repository ruleset differs from its file. The finding itself is made by planDiagnostics in ../rulesets-rules.ts.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const drift: RuleMeta<'drift'> = {
  id: 'drift',
  severity: 'error',
  finds: 'a repository ruleset differs from its file',
  why: 'A change made in the settings page is unreviewed and invisible in the repository.',
  fix: "Run `harness rulesets apply` to make GitHub match the file, or `harness rulesets export --force` to take GitHub's version into the file.",
  docs: 'docs/rules/rulesets.md#drift',
};
