// `harness budget report`: the trend per budget from the history. A result is
// one invocation of a budget (its runs' median); trends compare a result only
// with earlier ones from the same machine and the same turbo cache state.
import type { BudgetConfig } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { ruleDocs } from './budget-rules.js';
import type { HistoryEntry } from './history.js';
import { machineFingerprint } from './machine.js';
import { formatSeconds, median } from './statistics.js';

/** The latest median is a regression when it is over this factor times the trailing median. */
export const regressionFactor = 1.25;
/** Earlier comparable results needed before a trend is computed. */
export const minTrailingResults = 3;

export type CacheState = 'none' | 'hit' | 'miss' | 'mixed';

export interface ReportResult {
  invocation: string;
  command: string;
  time: string;
  commit: string | null;
  branch: string | null;
  /** Median of the invocation's successful runs; null when the command failed. */
  medianMs: number | null;
  runs: number;
  exitCode: number;
  /** The budget's seconds when the result was recorded. */
  seconds: number;
  machine: string;
  cache: CacheState;
}

export interface ReportBudget {
  name: string;
  /** Current budget from the config; null for a budget that is no longer configured. */
  seconds: number | null;
  command: string;
  /** The last results, oldest first. */
  results: ReportResult[];
  latestMs: number | null;
  /** Median of up to `last` earlier results from the same machine and cache state. */
  trailingMs: number | null;
  /** latest / trailing − 1, when both are known. */
  change: number | null;
  regression: boolean;
}

export interface BudgetReport {
  version: 1;
  budgets: ReportBudget[];
  diagnostics: Diagnostic[];
  /** History lines that could not be read. */
  badLines: number[];
}

export interface CreateReportInput {
  entries: readonly HistoryEntry[];
  budgets: readonly BudgetConfig[];
  /** Budget names to show; empty shows every configured budget and any others in the history. */
  names?: readonly string[];
  /** How many results per budget (default 10). */
  last?: number;
  badLines?: number[];
  configFile?: string;
}

export function createBudgetReport(input: CreateReportInput): BudgetReport {
  const last = input.last ?? 10;
  const results = groupResults(input.entries);
  const configured = new Map(input.budgets.map((b) => [b.name, b]));
  const names = input.names?.length ? [...input.names] : [...new Set([...configured.keys(), ...results.keys()])];
  const budgets = names.map((name) => reportBudget(name, configured.get(name), results.get(name) ?? [], last));
  const diagnostics = budgets
    .filter((b) => b.regression)
    .map((b) => regressionFinding(b, input.configFile ?? 'harness.config.yaml'));
  return { version: 1, budgets, diagnostics, badLines: input.badLines ?? [] };
}

function groupResults(entries: readonly HistoryEntry[]): Map<string, ReportResult[]> {
  const byInvocation = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const key = `${entry.budget}\u0000${entry.invocation}`;
    byInvocation.set(key, [...(byInvocation.get(key) ?? []), entry]);
  }
  const byBudget = new Map<string, ReportResult[]>();
  for (const runs of byInvocation.values()) {
    const first = runs[0];
    if (first === undefined) continue;
    const ok = runs.filter((r) => r.exitCode === 0);
    const failed = runs.find((r) => r.exitCode !== 0);
    const result: ReportResult = {
      invocation: first.invocation,
      command: first.command,
      time: first.time,
      commit: first.commit,
      branch: first.branch,
      medianMs: failed === undefined && ok.length > 0 ? Math.round(median(ok.map((r) => r.durationMs))) : null,
      runs: runs.length,
      exitCode: failed?.exitCode ?? 0,
      seconds: first.seconds,
      machine: machineFingerprint(first.machine),
      cache: cacheState(runs.at(-1)?.turbo),
    };
    byBudget.set(first.budget, [...(byBudget.get(first.budget) ?? []), result]);
  }
  for (const list of byBudget.values()) list.sort((a, b) => a.time.localeCompare(b.time));
  return byBudget;
}

function cacheState(turbo: HistoryEntry['turbo']): CacheState {
  if (turbo === undefined || turbo.hit + turbo.miss === 0) return 'none';
  return turbo.miss === 0 ? 'hit' : turbo.hit === 0 ? 'miss' : 'mixed';
}

function reportBudget(name: string, config: BudgetConfig | undefined, all: ReportResult[], last: number): ReportBudget {
  const latest = all.at(-1);
  const comparable = all
    .slice(0, -1)
    .filter((r) => r.medianMs !== null && r.machine === latest?.machine && r.cache === latest.cache)
    .slice(-last)
    .map((r) => r.medianMs ?? 0);
  const latestMs = latest?.medianMs ?? null;
  const trailingMs = comparable.length >= minTrailingResults ? median(comparable) : null;
  const change = latestMs !== null && trailingMs !== null && trailingMs > 0 ? latestMs / trailingMs - 1 : null;
  return {
    name,
    seconds: config?.seconds ?? null,
    command: config?.command ?? latest?.command ?? '',
    results: all.slice(-last),
    latestMs,
    trailingMs,
    change,
    regression: change !== null && change > regressionFactor - 1,
  };
}

function regressionFinding(budget: ReportBudget, configFile: string): Diagnostic {
  return {
    check: 'budget',
    rule: 'budget/regression',
    severity: 'warning',
    file: configFile,
    message: `budget "${budget.name}": the latest median ${formatSeconds(budget.latestMs ?? 0)} is ${Math.round((budget.change ?? 0) * 100)}% over the trailing median ${formatSeconds(budget.trailingMs ?? 0)} on this machine.`,
    fix: `Find what made \`${budget.command}\` slower since the earlier results (\`harness budget report ${budget.name} --format json\` lists their commits), and fix it before the budget is hit.`,
    docs: ruleDocs('regression'),
  };
}
