// The top-level `rules` map (docs/contract.md, "Rule ids"): any rule of any check set to `off`, `warn` or
// `error`, applied here, in one place, to every check's findings. Each check declares its rule ids
// (Check.ruleIds), so an id no check reports is a config error with a suggestion, not a no-op.
import type { Check, RuleSeverity } from 'agent-harness-config';
import type { Diagnostic, Severity } from 'agent-harness-diagnostics';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';

const severityOf: Record<Exclude<RuleSeverity, 'off'>, Severity> = { warn: 'warning', error: 'error' };

/** Every rule's default severity, from each check's ruleDefaults (a check without it adds none). */
export async function collectRuleDefaults(checks: readonly Check[]): Promise<ReadonlyMap<string, Severity>> {
  const maps = await Promise.all(checks.map(async (c) => (await c.ruleDefaults?.()) ?? {}));
  return new Map(maps.flatMap((m) => Object.entries(m)));
}

/** Throws CONFIG_INVALID for the first id in `rules` that no check declares. */
export async function checkRuleIds(
  checks: readonly Check[],
  rules: Readonly<Record<string, RuleSeverity>> | undefined,
): Promise<void> {
  const ids = Object.keys(rules ?? {});
  if (ids.length === 0) return;
  const known = (await Promise.all(checks.map(async (c) => (await c.ruleIds?.()) ?? []))).flat();
  for (const id of ids) {
    if (known.includes(id)) continue;
    const guess = closestRuleId(known, id);
    const check = id.split('/')[0] ?? '';
    const ofCheck = known.filter((k) => k.startsWith(`${check}/`));
    throw new HarnessError(
      'CONFIG_INVALID',
      `rules.${id}: no check reports a rule "${id}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
      {
        place: { file: 'harness.config.yaml', key: `rules.${id}` },
        fix:
          ofCheck.length > 0
            ? `The ${check} check's rules are ${ofCheck.join(', ')}.`
            : `Rule ids are "<check>/<rule>", like ${known.slice(0, 3).join(', ')}; docs/rules/ lists them.`,
      },
    );
  }
}

/** The findings with the `rules` map applied: `off` drops a rule's findings, `warn`/`error` set their severity. */
export function applyRuleSeverities(
  diagnostics: readonly Diagnostic[],
  rules: Readonly<Record<string, RuleSeverity>> | undefined,
): Diagnostic[] {
  if (rules === undefined || Object.keys(rules).length === 0) return [...diagnostics];
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = rules[d.rule];
    if (setting === undefined) kept.push(d);
    else if (setting !== 'off')
      kept.push(d.severity === severityOf[setting] ? d : { ...d, severity: severityOf[setting] });
  }
  return kept;
}

/** A typo in the rule part (`docs/orphn`), or an id without its check (`orphan`). */
function closestRuleId(known: readonly string[], id: string): string | undefined {
  const bare = known.filter((k) => k.slice(k.indexOf('/') + 1) === id);
  if (bare.length === 1) return bare[0];
  return closestWord(known, id);
}
