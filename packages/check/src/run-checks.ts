// `harness check`: runs the selected guardrails concurrently and merges their
// findings into one result document (docs/contract.md, "The result document").
import type { Check, CheckOptions, HarnessConfig } from 'agent-harness-config';
import { closestWord, createResultDocument, HarnessError } from 'agent-harness-diagnostics';
import type { CheckSummary, Diagnostic, ResultDocument, Severity } from 'agent-harness-diagnostics';
import { applyRuleSeverities, checkRuleIds, collectRuleDefaults } from './rule-severities.js';

export interface RunChecksInput {
  /** Every check harness knows; see registered-checks.ts. */
  checks: readonly Check[];
  /** Checks named on the command line; empty means every configured one. */
  names?: readonly string[];
  root: string;
  config: HarnessConfig;
  options?: CheckOptions;
  /** Milliseconds since some origin; injectable so tests need no real clock. */
  now?: () => number;
}

export interface RunChecksResult {
  document: ResultDocument;
  /** Lines for the person running the check: skipped sections, baseline writes, fix plans. */
  notes: string[];
}

export async function runChecks(input: RunChecksInput): Promise<RunChecksResult> {
  const now = input.now ?? (() => performance.now());
  const selected = selectChecks(input.checks, input.names ?? []);
  const named = (input.names ?? []).length > 0;
  const notes: string[] = [];
  // Every declared rule id counts, not only the selected checks': one config serves every command.
  await checkRuleIds(input.checks, input.config.rules);
  let defaults: Promise<ReadonlyMap<string, Severity>> | undefined;
  const ruleDefaults = () => {
    defaults ??= collectRuleDefaults(input.checks);
    return defaults;
  };
  const runs = selected.map(async (check): Promise<{ summary: CheckSummary; diagnostics: Diagnostic[] }> => {
    if (!named && check.section !== undefined && input.config[check.section] === undefined) {
      const skipped = `no ${check.section} section in harness.config.yaml`;
      return { summary: { name: check.name, ok: true, durationMs: 0, skipped }, diagnostics: [] };
    }
    const started = now();
    const outcome = await check.run({
      root: input.root,
      config: input.config,
      options: input.options ?? {},
      ruleDefaults,
    });
    const durationMs = Math.round(now() - started);
    notes.push(...(outcome.notes ?? []));
    const diagnostics = applyRuleSeverities(outcome.diagnostics, input.config.rules);
    const ok = !diagnostics.some((d) => d.severity === 'error');
    const summary: CheckSummary = { name: check.name, ok, durationMs };
    if (outcome.files !== undefined) summary.files = outcome.files;
    if (outcome.skipped !== undefined) summary.skipped = outcome.skipped;
    return { summary, diagnostics };
  });
  // Every check stops before one that could not run is reported: a check still writing its baseline
  // or cache behind a caller that already gave up (init undoes its writes on failure) loses files.
  const settled = await Promise.allSettled(runs);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const skippedSections = results
    .filter((r) => r.summary.skipped !== undefined)
    .map((r) => `${r.summary.name}: skipped (${r.summary.skipped})`);
  return {
    document: createResultDocument(
      results.map((r) => r.summary),
      results.flatMap((r) => r.diagnostics),
    ),
    notes: [...skippedSections, ...notes],
  };
}

/** The checks to run, in registry order; an unknown name is a usage error with a suggestion. */
export function selectChecks(checks: readonly Check[], names: readonly string[]): Check[] {
  if (names.length === 0) return [...checks];
  const known = new Map(checks.map((c) => [c.name, c]));
  for (const name of names) {
    if (!known.has(name)) {
      const list = [...known.keys()];
      const guess = closestName(list, name);
      throw new HarnessError(
        'CHECK_UNKNOWN',
        `unknown check "${name}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        {
          fix:
            list.length === 0
              ? 'No checks are installed in this build of harness.'
              : `Known checks: ${list.join(', ')}.`,
        },
      );
    }
  }
  return checks.filter((c) => names.includes(c.name));
}

function closestName(names: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n.startsWith(lower) || lower.startsWith(n)) ?? closestWord(names, name);
}
