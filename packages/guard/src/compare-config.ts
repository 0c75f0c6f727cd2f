// harness.config.yaml, key by key (docs/guard.md "What it compares"): a rule turned off or down, a
// check's section removed, and for each section what the change lets through that the base did not.
// Both sides are compared as validated, defaults filled in, so spelling a default out changes nothing.
import { configFileName } from 'agent-harness-config';
import type { BudgetConfig, DocsConfig, HarnessConfig, RuleSeverity } from 'agent-harness-config';
import type { Severity } from 'agent-harness-diagnostics';
import type { ConfigFinding, Report } from './config-findings.js';
import { quote, removedKeys, reportGrowth, reportRaised, reportShrink } from './config-findings.js';
import { compareLayersConfig } from './compare-layers-config.js';
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { parseYamlDocument } from './yaml-document.js';

/** The sections whose presence turns a check on; removing one stops that check in a bare `harness check`. */
const checkSections = ['layers', 'docs', 'budgets', 'rulesets'] as const;

export const compareConfig: SurfaceComparer = async (input: GuardInput): Promise<Loosening[]> => {
  const { baseConfig, headConfig } = input;
  if (baseConfig === undefined) return [];
  if (headConfig === undefined)
    return [{ surface: 'config', file: configFileName, line: 1, what: `${configFileName}: deleted` }];
  const findings = configLoosenings(baseConfig, headConfig, input.ruleDefaults ?? new Map());
  if (findings.length === 0) return [];
  const doc = parseYamlDocument((await input.head.readFile(configFileName)) ?? '');
  return findings.map((f) => ({
    surface: 'config',
    file: configFileName,
    line: doc?.lineAt(f.path) ?? 1,
    what: f.what,
  }));
};

/** Every loosening from `base` to `head`, with the key path it is at. */
function configLoosenings(
  base: HarnessConfig,
  head: HarnessConfig,
  defaults: ReadonlyMap<string, Severity>,
): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const report: Report = (path, what) => void findings.push({ path, what });
  compareRules(report, base.rules ?? {}, head.rules ?? {}, defaults);
  for (const section of checkSections)
    if (base[section] !== undefined && head[section] === undefined)
      report([section], `${section}: section removed (harness check no longer runs ${section})`);
  if (base.layers !== undefined && head.layers !== undefined) compareLayersConfig(report, base.layers, head.layers);
  if (base.docs !== undefined && head.docs !== undefined) compareDocs(report, base.docs, head.docs);
  if (base.budgets !== undefined && head.budgets !== undefined) compareBudgets(report, base.budgets, head.budgets);
  if (base.rulesets !== undefined && head.rulesets !== undefined && base.rulesets.dir !== head.rulesets.dir)
    report(['rulesets', 'dir'], `rulesets.dir: moved from ${quote(base.rulesets.dir)} to ${quote(head.rulesets.dir)}`);
  return findings;
}

/** How strict a severity is; `info` (a rule's default only) sits between `off` and `warn`. */
const rank: Record<RuleSeverity | Severity, number> = { off: 0, info: 1, warn: 2, warning: 2, error: 3 };
const spelled: Record<Severity, string> = { error: 'error', warning: 'warn', info: 'info' };

/**
 * The `rules` map. A rule the map does not name has its check's default severity (`defaults`, from
 * the checks). When a rule's default is unknown (a rule no registered check declares), taking out an
 * `error` entry and naming a rule below `error` are reported, since either may lower it.
 */
function compareRules(
  report: Report,
  base: Readonly<Record<string, RuleSeverity>>,
  head: Readonly<Record<string, RuleSeverity>>,
  defaults: ReadonlyMap<string, Severity>,
): void {
  for (const id of new Set([...Object.keys(base), ...Object.keys(head)])) {
    const was = base[id];
    const now = head[id];
    const fallback = defaults.get(id);
    if (was !== undefined && now !== undefined) {
      if (rank[now] < rank[was]) report(['rules', id], `rules.${id}: ${was} → ${now}`);
    } else if (fallback !== undefined) {
      const before = was ?? fallback;
      const after = now ?? fallback;
      if (rank[after] < rank[before])
        report(
          now === undefined ? ['rules'] : ['rules', id],
          now === undefined
            ? `rules.${id}: ${was ?? ''} → removed (its default, ${spelled[fallback]}, applies)`
            : `rules.${id}: its default severity (${spelled[fallback]}) → ${now}`,
        );
    } else if (was === 'error' && now === undefined)
      report(['rules'], `rules.${id}: error → removed (its default severity applies)`);
    else if (was === undefined && now !== undefined && now !== 'error')
      report(['rules', id], `rules.${id}: its default severity → ${now}`);
  }
}

function compareDocs(report: Report, base: DocsConfig, head: DocsConfig): void {
  for (const key of ['maxLines', 'maxBytes', 'staleAfterDays'] as const)
    reportRaised(report, ['docs', key], base[key], head[key]);
  for (const key of ['map', 'root', 'baseline'] as const)
    if (base[key] !== head[key])
      report(['docs', key], `docs.${key}: moved from ${quote(base[key])} to ${quote(head[key])}`);
  for (const folder of removedKeys(base.frontmatter, head.frontmatter))
    report(['docs', 'frontmatter'], `docs.frontmatter.${folder}: removed`);
  for (const [folder, keys] of Object.entries(base.frontmatter)) {
    const now = head.frontmatter[folder];
    if (now !== undefined)
      reportShrink(report, ['docs', 'frontmatter', folder], keys, now, `docs.frontmatter.${folder}`);
  }
  reportGrowth(report, ['docs', 'ignore'], base.ignore, head.ignore);
}

/** Budgets by name: removed, seconds raised, fewer runs, the command changed, a task budget raised or removed. */
function compareBudgets(report: Report, base: readonly BudgetConfig[], head: readonly BudgetConfig[]): void {
  for (const budget of base) {
    const index = head.findIndex((b) => b.name === budget.name);
    const now = head[index];
    const label = `budgets.${budget.name}`;
    if (now === undefined) {
      report(['budgets'], `${label}: removed`);
      continue;
    }
    const at = (key: string) => ['budgets', index, key] as const;
    if (now.seconds > budget.seconds)
      report(at('seconds'), `${label}.seconds: raised from ${budget.seconds} to ${now.seconds}`);
    const runs = { was: budget.runs ?? 1, now: now.runs ?? 1 };
    if (runs.now < runs.was) report(at('runs'), `${label}.runs: lowered from ${runs.was} to ${runs.now}`);
    if (now.command !== budget.command)
      report(at('command'), `${label}.command: changed from ${quote(budget.command)} to ${quote(now.command)}`);
    const tasks = { was: budget.tasks ?? {}, now: now.tasks ?? {} };
    for (const task of removedKeys(tasks.was, tasks.now)) report(at('tasks'), `${label}.tasks.${task}: removed`);
    for (const [task, seconds] of Object.entries(tasks.was)) {
      const raised = tasks.now[task];
      if (raised !== undefined && raised > seconds)
        report([...at('tasks'), task], `${label}.tasks.${task}: raised from ${seconds} to ${raised}`);
    }
  }
}
