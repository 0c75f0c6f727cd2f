// The findings `harness check guard` reports, in the order of docs/rules/guard.md; a test keeps this
// list, the rule files, their tests and that page in step.
import type { Diagnostic, RuleMeta } from 'agent-harness-diagnostics';
import type { Loosening } from './guard-types.js';
import { loosened } from './rules/loosened.js';

export const guardRules = [loosened] as const satisfies readonly RuleMeta[];

export const guardDocs = 'docs/rules/guard.md';

/** How a loosening is accepted while nobody has approved it (docs/guard.md#accepting-a-loosening). */
export function acceptanceFix(file: string): string {
  return `A code owner of ${file} approves the pull request; with GITHUB_TOKEN set, \`harness check\` then accepts it (docs/guard.md#accepting-a-loosening).`;
}

/** One `guard/loosened` finding: the file and line of the change, what got looser, how it is accepted. */
export function loosenedDiagnostic(loosening: Loosening, fix = acceptanceFix(loosening.file)): Diagnostic {
  return {
    check: 'guard',
    rule: 'guard/loosened',
    severity: loosened.severity,
    file: loosening.file,
    line: loosening.line,
    message: loosening.what,
    fix,
    docs: loosened.docs,
  };
}
