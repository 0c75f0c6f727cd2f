// guard/loosened: the change loosens a guardrail the base had. The finding itself is made by
// loosenedDiagnostic in ../guard-rules.ts from what a comparer (../comparers.ts) found.
import type { RuleMeta } from 'agent-harness-diagnostics';

export const loosened: RuleMeta<'loosened'> = {
  id: 'loosened',
  severity: 'error',
  finds: 'a change that loosens a guardrail its base had: a rule turned down, a baseline grown, an ignore added',
  why: 'A check that the change itself can relax restrains nothing: an agent (or a hurried person) can turn any red check green by editing the guardrail instead of the code.',
  fix: 'Undo the loosening and fix the code instead; when it is wanted, a code owner of the file approves the pull request and the guard accepts it.',
  docs: 'docs/rules/guard.md#loosened',
};
