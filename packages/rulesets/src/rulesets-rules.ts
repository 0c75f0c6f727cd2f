// The findings `harness rulesets check` (and `harness check`) reports, in the order of
// docs/rules/rulesets.md; a test keeps this list, the rule files, their tests and that page in step.
import type { Diagnostic, RuleMeta } from 'agent-harness-diagnostics';
import { ruleDocsLink } from 'agent-harness-diagnostics';
import type { FieldChange } from './compare-rulesets.js';
import { createdStatePath } from './created-state.js';
import type { PlanEntry, RulesetsPlan } from './plan-rulesets.js';
import { drift } from './rules/drift.js';
import { missing } from './rules/missing.js';
import { orphaned } from './rules/orphaned.js';

export const rulesetsRules = [missing, drift, orphaned] as const satisfies readonly RuleMeta[];

export type RulesetsRuleId = (typeof rulesetsRules)[number]['id'];

export const rulesetsDocs = 'docs/rules/rulesets.md';

function diagnostic(rule: RulesetsRuleId, file: string, message: string, fix: string): Diagnostic {
  return {
    check: 'rulesets',
    rule: `rulesets/${rule}`,
    severity: 'error',
    file,
    message,
    fix,
    docs: ruleDocsLink(rulesetsDocs, rule),
  };
}

/** `(absent)`, or the value as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function describeChange(change: FieldChange): string {
  if (change.github === undefined) return `${change.path}: not on GitHub, the file has ${showValue(change.file)}`;
  if (change.file === undefined) return `${change.path}: GitHub has ${showValue(change.github)}, the file does not`;
  return `${change.path}: GitHub has ${showValue(change.github)}, the file says ${showValue(change.file)}`;
}

const applyFix = 'Run `harness rulesets apply` with a token that may administer the repository';

/** One finding per ruleset that `apply` would change. */
export function planDiagnostics(plan: RulesetsPlan): Diagnostic[] {
  return plan.entries.flatMap((entry: PlanEntry): Diagnostic[] => {
    if (entry.action === 'create') {
      return [
        diagnostic(
          'missing',
          entry.file ?? plan.dir,
          `ruleset "${entry.name}" does not exist on ${plan.repository}`,
          `${applyFix} to create it, or delete the file if the ruleset is no longer wanted.`,
        ),
      ];
    }
    if (entry.action === 'update') {
      const changes = entry.changes ?? [];
      const shown = changes.slice(0, 5).map(describeChange).join('; ');
      const more = changes.length > 5 ? `; and ${changes.length - 5} more` : '';
      return [
        diagnostic(
          'drift',
          entry.file ?? plan.dir,
          `ruleset "${entry.name}" on ${plan.repository} differs from its file: ${shown}${more}`,
          `${applyFix} to make GitHub match the file, or \`harness rulesets export --force\` to take GitHub's version into the file.`,
        ),
      ];
    }
    if (entry.action === 'delete') {
      return [
        diagnostic(
          'orphaned',
          createdStatePath(plan.dir),
          `ruleset "${entry.name}" (id ${String(entry.id)}) is still on ${plan.repository}, but ${entry.reason ?? 'no file defines it'}`,
          `${applyFix} to delete it, or restore its file to keep it.`,
        ),
      ];
    }
    return [];
  });
}
