// The rulesets guardrail: `harness rulesets check`, and `harness check` when a
// token is present (skipped with one notice when not: SPEC "Who uses it and how").
import type { Check, CheckContext, CheckOutcome } from '@harness/config';
import { sectionDefaults } from '@harness/config';
import type { RulesetsOptions } from './plan-rulesets.js';
import { planRulesetsWithContext } from './plan-rulesets.js';
import { planDiagnostics } from './rulesets-rules.js';

/** Plans and reports what apply would change as findings; unmanaged rulesets become notes. */
export async function checkRulesets(options: RulesetsOptions): Promise<CheckOutcome> {
  const { plan, files } = await planRulesetsWithContext({ ...options, prune: false });
  const notes: string[] = [];
  for (const entry of plan.entries) {
    if (entry.action === 'unmanaged') notes.push(`rulesets: "${entry.name}" on ${plan.repository} is not in ${plan.dir}; left alone`);
    if (entry.bypassActorsHidden === true) notes.push(`rulesets: GitHub hides the bypass actors of "${entry.name}" from this token, so they were not compared`);
  }
  if (files.length === 0) notes.push(`rulesets: no ruleset files in ${plan.dir}; \`harness rulesets export\` writes the live ones there`);
  return { diagnostics: planDiagnostics(plan), files: files.length, notes };
}

export function createRulesetsCheck(overrides: Partial<RulesetsOptions> = {}): Check {
  return {
    name: 'rulesets',
    description: 'GitHub rulesets match the files in rulesets.dir (needs GITHUB_TOKEN; skipped without it).',
    section: 'rulesets',
    async run(context: CheckContext) {
      const env = context.options.env ?? {};
      if ((env.GITHUB_TOKEN ?? '').trim() === '') return { diagnostics: [], skipped: 'GITHUB_TOKEN is not set, so GitHub was not asked' };
      const dir = (context.config.rulesets ?? sectionDefaults('rulesets')).dir;
      return checkRulesets({ root: context.root, dir, env, ...overrides });
    },
  };
}

export const rulesetsCheck: Check = createRulesetsCheck();
