// `harness rulesets check` and the rulesets guardrail of `harness check`: what apply would change,
// as findings.
import type { CheckOutcome } from 'agent-harness-config';
import type { RulesetsOptions } from './plan-rulesets.js';
import { planRulesetsWithContext } from './plan-rulesets.js';
import { planDiagnostics } from './rulesets-rules.js';

/** Plans and reports what apply would change as findings; unmanaged rulesets become notes. */
export async function checkRulesets(options: RulesetsOptions): Promise<CheckOutcome> {
  const { plan, files } = await planRulesetsWithContext({ ...options, prune: false });
  const notes: string[] = [];
  for (const entry of plan.entries) {
    if (entry.action === 'unmanaged')
      notes.push(`rulesets: "${entry.name}" on ${plan.repository} is not in ${plan.dir}; left alone`);
    if (entry.bypassActorsHidden === true)
      notes.push(
        `rulesets: GitHub hides the bypass actors of "${entry.name}" from this token, so they were not compared`,
      );
  }
  if (files.length === 0)
    notes.push(`rulesets: no ruleset files in ${plan.dir}; \`harness rulesets export\` writes the live ones there`);
  return { diagnostics: planDiagnostics(plan), files: files.length, notes };
}
