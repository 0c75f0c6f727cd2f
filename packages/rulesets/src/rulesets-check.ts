// The rulesets guardrail: `harness rulesets check`, and `harness check` when a
// token is present (skipped with one notice when not: docs/rulesets.md).
// This module is the package's `./check` entry: light, so that listing the checks loads none of
// them; the GitHub client and the planner are imported when the check runs.
import type { Check, CheckContext } from 'agent-harness-config';
import type { RulesetsOptions } from './plan-rulesets.js';

export function createRulesetsCheck(overrides: Partial<RulesetsOptions> = {}): Check {
  return {
    name: 'rulesets',
    description: 'GitHub rulesets match the files in rulesets.dir (needs GITHUB_TOKEN; skipped without it).',
    section: 'rulesets',
    ruleIds: async () => (await import('./rulesets-rules.js')).rulesetsRules.map((r) => `rulesets/${r.id}`),
    ruleDefaults: async () =>
      Object.fromEntries(
        (await import('./rulesets-rules.js')).rulesetsRules.map((r) => [`rulesets/${r.id}`, r.severity]),
      ),
    async run(context: CheckContext) {
      const env = context.options.env ?? {};
      if ((env.GITHUB_TOKEN ?? '').trim() === '')
        return { diagnostics: [], skipped: 'GITHUB_TOKEN is not set, so GitHub was not asked' };
      const [{ sectionDefaults }, { checkRulesets }] = await Promise.all([
        import('agent-harness-config'),
        import('./check-rulesets.js'),
      ]);
      const dir = (context.config.rulesets ?? sectionDefaults('rulesets')).dir;
      return checkRulesets({ root: context.root, dir, env, ...overrides });
    },
  };
}

export const rulesetsCheck: Check = createRulesetsCheck();
