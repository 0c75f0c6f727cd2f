// The guard: `harness check guard`, and part of every bare `harness check` (it has no config
// section) once a base is known (docs/guard.md). Skipped, with the reason, without one.
// This module is the package's `./check` entry: light, so that listing the checks loads none of
// them; the comparers are imported when the check runs.
import type { Check, CheckContext, CheckOutcome } from 'agent-harness-config';

export const guardCheck: Check = {
  name: 'guard',
  description:
    'A change may not loosen its own guardrails: compares them with the base (--base, GITHUB_BASE_REF, or the merge base with the default branch).',
  ruleIds: async () => (await import('./guard-rules.js')).guardRules.map((r) => `guard/${r.id}`),
  ruleDefaults: async () =>
    Object.fromEntries((await import('./guard-rules.js')).guardRules.map((r) => [`guard/${r.id}`, r.severity])),
  async run(context: CheckContext): Promise<CheckOutcome> {
    const { base, baseSkipped } = context.options;
    if (base === undefined)
      return { diagnostics: [], skipped: baseSkipped ?? 'no base to compare with: name one with --base REF' };
    const { runGuard } = await import('./run-guard.js');
    return runGuard(context.root, base, context.options.env, await context.ruleDefaults?.());
  },
};
