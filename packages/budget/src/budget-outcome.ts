// From the recorded runs of one budget to its verdict and findings. Used by
// `harness budget` right after measuring and by `harness check` on the history.
import type { BudgetConfig } from 'agent-harness-config';
import { closestWord } from 'agent-harness-diagnostics';
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { BudgetRuleId } from './budget-rules.js';
import { ruleDocs } from './budget-rules.js';
import type { HistoryEntry } from './history.js';
import { formatSeconds, median } from './statistics.js';

export interface TaskOutcome {
  /** turbo's task id, `package#task`. */
  id: string;
  medianMs: number;
  /** Cache status in the last run. */
  cache: 'HIT' | 'MISS';
  /** For a HIT: how long the task took when it was cached. */
  savedMs?: number;
  /** The per-task budget, when one is set. */
  seconds?: number;
  over: boolean;
}

export interface BudgetFailure {
  exitCode: number;
  /** 1-based; 0 for a warm-up run. */
  run: number;
  /** Last output lines (empty when read back from history). */
  tail: string[];
  /** turbo tasks that failed in that run, when turbo said so. */
  failedTasks?: string[];
}

export interface BudgetOutcome {
  name: string;
  command: string;
  seconds: number;
  /** Durations of the measured runs that succeeded. */
  runsMs: number[];
  warmupMs: number[];
  /** Median of the successful runs; null when none succeeded. */
  medianMs: number | null;
  cpuMs: number | null;
  ok: boolean;
  failure?: BudgetFailure;
  turbo?: { hit: number; miss: number; tasks: TaskOutcome[] };
  commit: string | null;
  branch: string | null;
  dirty: boolean;
  time: string;
}

/** Where findings about a budget point: the config file and the budget's line. */
export interface BudgetPlace {
  file: string;
  line?: number;
}

export function summarizeRuns(
  budget: BudgetConfig,
  entries: readonly HistoryEntry[],
  extra: { warmupMs?: number[]; failure?: BudgetFailure } = {},
): BudgetOutcome {
  const succeeded = entries.filter((e) => e.exitCode === 0);
  const failedEntry = entries.find((e) => e.exitCode !== 0);
  const failure = extra.failure ?? (failedEntry === undefined ? undefined : failureOf(failedEntry, []));
  const runsMs = succeeded.map((e) => Math.round(e.durationMs));
  const medianMs = runsMs.length === 0 ? null : median(runsMs);
  const cpu = succeeded.map((e) => e.cpuMs).filter((c): c is number => c !== undefined);
  const turbo = summarizeTasks(budget, succeeded);
  const missingSummary = budget.tasks !== undefined && succeeded.length > 0 && turbo === undefined;
  const outcome: BudgetOutcome = {
    name: budget.name,
    command: budget.command,
    seconds: budget.seconds,
    runsMs,
    warmupMs: extra.warmupMs ?? [],
    medianMs,
    cpuMs: cpu.length === 0 ? null : Math.round(median(cpu)),
    ok: failure === undefined && !missingSummary && isWithinBudget(budget, medianMs, turbo),
    ...provenanceOf(entries[0]),
  };
  if (failure !== undefined) outcome.failure = failure;
  if (turbo !== undefined) outcome.turbo = turbo;
  return outcome;
}

/** The median is under the budget's seconds and no task is over its own budget. */
function isWithinBudget(budget: BudgetConfig, medianMs: number | null, turbo: BudgetOutcome['turbo']): boolean {
  const tasksOver = turbo?.tasks.some((t) => t.over) ?? false;
  return medianMs !== null && medianMs <= budget.seconds * 1000 && !tasksOver;
}

/** Commit, branch, dirty flag and time of the first run; neutral values when there was none. */
function provenanceOf(first: HistoryEntry | undefined): Pick<BudgetOutcome, 'commit' | 'branch' | 'dirty' | 'time'> {
  return {
    commit: first?.commit ?? null,
    branch: first?.branch ?? null,
    dirty: first?.dirty ?? false,
    time: first?.time ?? new Date(0).toISOString(),
  };
}

/** A failed run as recorded: its exit code and the turbo tasks that failed in it. */
export function failureOf(entry: HistoryEntry, output: readonly string[]): BudgetFailure {
  const failedTasks = Object.entries(entry.turbo?.tasks ?? {})
    .filter(([, task]) => task.exitCode !== undefined)
    .map(([id]) => id);
  const failure: BudgetFailure = {
    exitCode: entry.exitCode,
    run: entry.run,
    tail: failureLines(output, failedTasks[0]),
  };
  if (failedTasks.length > 0) failure.failedTasks = failedTasks;
  return failure;
}

const failureLineCount = 20;

/** The last output lines; for a failed turbo task its own log lines (turbo prefixes them `pkg:task: `). */
function failureLines(output: readonly string[], failedTask: string | undefined): string[] {
  const hash = failedTask?.lastIndexOf('#') ?? -1;
  if (failedTask !== undefined && hash > 0) {
    const prefix = `${failedTask.slice(0, hash)}:${failedTask.slice(hash + 1)}: `;
    const own = output.filter((line) => line.startsWith(prefix));
    if (own.length > 0) return own.slice(-failureLineCount);
  }
  return output.slice(-failureLineCount);
}

function summarizeTasks(budget: BudgetConfig, entries: readonly HistoryEntry[]): BudgetOutcome['turbo'] {
  const withTurbo = entries.filter((e) => e.turbo !== undefined);
  const last = withTurbo.at(-1)?.turbo;
  if (last === undefined) return undefined;
  const tasks = Object.entries(last.tasks).map(([id, task]): TaskOutcome => {
    const medianMs = Math.round(median(withTurbo.map((e) => e.turbo?.tasks[id]?.ms ?? 0)));
    const seconds = budget.tasks?.[id];
    const outcome: TaskOutcome = {
      id,
      medianMs,
      cache: task.cache,
      over: seconds !== undefined && medianMs > seconds * 1000,
    };
    if (task.savedMs !== undefined) outcome.savedMs = task.savedMs;
    if (seconds !== undefined) outcome.seconds = seconds;
    return outcome;
  });
  tasks.sort((a, b) => b.medianMs - a.medianMs || a.id.localeCompare(b.id));
  return { hit: last.hit, miss: last.miss, tasks };
}

export function budgetDiagnostics(budget: BudgetConfig, outcome: BudgetOutcome, place: BudgetPlace): Diagnostic[] {
  const finding = (rule: BudgetRuleId, severity: Diagnostic['severity'], message: string, fix: string): Diagnostic => ({
    check: 'budget',
    rule: `budget/${rule}`,
    severity,
    file: place.file,
    ...(place.line === undefined ? {} : { line: place.line }),
    message,
    fix,
    docs: ruleDocs(rule),
  });
  const name = `budget "${budget.name}"`;
  const found: Diagnostic[] = [];
  if (outcome.failure !== undefined) {
    const which = outcome.failure.run === 0 ? 'the warm-up run' : `run ${outcome.failure.run}`;
    const last = outcome.failure.tail.at(-1);
    const failedTasks = outcome.failure.failedTasks ?? [];
    const tasks =
      failedTasks.length === 0
        ? ''
        : ` (turbo task${failedTasks.length === 1 ? '' : 's'} ${failedTasks.join(', ')} failed)`;
    found.push(
      finding(
        'command-failed',
        'error',
        `${name}: \`${budget.command}\` exited with code ${outcome.failure.exitCode} in ${which}${tasks}${last === undefined ? '' : `; last output: ${last}`}`,
        `Run \`${budget.command}\` at the repository root and fix the failure; a budget only counts runs that succeed.`,
      ),
    );
  }
  if (outcome.medianMs !== null && outcome.medianMs > budget.seconds * 1000) {
    const overMs = outcome.medianMs - budget.seconds * 1000;
    const slowest = (outcome.turbo?.tasks ?? [])
      .slice(0, 3)
      .map((t) => `${t.id} ${formatSeconds(t.medianMs)} ${t.cache}`);
    found.push(
      finding(
        'over-budget',
        'error',
        `${name}: median ${formatSeconds(outcome.medianMs)} of ${outcome.runsMs.length} run${outcome.runsMs.length === 1 ? '' : 's'} is over its ${budget.seconds} s budget by ${formatSeconds(overMs)} (+${Math.round((overMs / (budget.seconds * 1000)) * 100)}%).`,
        `Make \`${budget.command}\` faster${slowest.length === 0 ? '' : ` (slowest tasks: ${slowest.join(', ')})`}, or raise \`seconds\` of budget "${budget.name}" in ${place.file} if the new time is accepted.`,
      ),
    );
  }
  found.push(...taskDiagnostics(budget, outcome, finding));
  return found;
}

type Finding = (rule: BudgetRuleId, severity: Diagnostic['severity'], message: string, fix: string) => Diagnostic;

function taskDiagnostics(budget: BudgetConfig, outcome: BudgetOutcome, finding: Finding): Diagnostic[] {
  if (budget.tasks === undefined || outcome.runsMs.length === 0) return [];
  if (outcome.turbo === undefined) {
    return [
      finding(
        'no-turbo-summary',
        'error',
        `budget "${budget.name}" has per-task budgets but \`${budget.command}\` wrote no turbo run summary.`,
        'Per-task budgets need a command that runs `turbo run` (directly, through `pnpm turbo`/`npx turbo`, or through a package script); remove `tasks` otherwise.',
      ),
    ];
  }
  const found: Diagnostic[] = [];
  const ran = outcome.turbo.tasks.map((t) => t.id);
  for (const task of outcome.turbo.tasks.filter((t) => t.over)) {
    found.push(
      finding(
        'task-over-budget',
        'error',
        `budget "${budget.name}": turbo task ${task.id} took ${formatSeconds(task.medianMs)} (median, cache ${task.cache}), over its ${task.seconds} s budget.`,
        `Speed up ${task.id}, or raise tasks["${task.id}"] of budget "${budget.name}" if the new time is accepted.`,
      ),
    );
  }
  for (const id of Object.keys(budget.tasks).filter((key) => !ran.includes(key))) {
    const guess = closestWord(ran, id);
    found.push(
      finding(
        'task-missing',
        'warning',
        `budget "${budget.name}": per-task budget "${id}" matches no task that \`${budget.command}\` ran${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        `Use a task id as turbo prints it (package#task); tasks that ran: ${ran.slice(0, 8).join(', ') || 'none'}.`,
      ),
    );
  }
  return found;
}
