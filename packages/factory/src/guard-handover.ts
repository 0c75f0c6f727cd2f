// The comment that hands a PR with an open guard finding to a person (docs/factory.md "What stops
// the loop", docs/guard.md): each loosening with its place, and how it gets accepted. The agent is
// never asked to settle a loosening, and the loop never merges past one.
import type { GateResult } from './factory-context.js';

export function guardHandoverComment(gate: GateResult, humanLabel: string): string {
  const findings = (gate.guard ?? []).map(
    (f) =>
      `- \`${f.file}${f.line === undefined ? '' : `:${f.line}`}\`: ${f.message}${f.fix === '' ? '' : ` (${f.fix})`}`,
  );
  const parts = [
    "The factory stopped working on this on its own: the change loosens the repository's guardrails (`guard/loosened`), and only a person may accept that. The agent is not asked to change it, and the factory will not merge it.",
    findings.join('\n'),
    `How it gets accepted: a code owner of these files approves the PR (the guard accepts a loosening once a review from the CODEOWNERS of its paths is approved), or a person reverts the loosening. Then remove the \`${humanLabel}\` label to hand it back.`,
  ];
  if (gate.okApartFromGuard !== true)
    parts.push(`Other checks are red too; nothing was pushed. The report:\n\n\`\`\`\n${gate.report.trimEnd()}\n\`\`\``);
  return parts.join('\n\n');
}
