// `harness budget [NAME...]`: measures each budget's command, records every run
// in the history, and judges the median against the budget (docs/budget.md).
import { randomBytes } from 'node:crypto';
import type { BudgetConfig, HarnessConfig } from 'agent-harness-config';
import type { Diagnostic, ResultDocument } from 'agent-harness-diagnostics';
import { createResultDocument, HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { locateBudgetLines } from './budget-lines.js';
import type { BudgetFailure, BudgetOutcome } from './budget-outcome.js';
import { budgetDiagnostics, failureOf, summarizeRuns } from './budget-outcome.js';
import type { ReadGitState } from './git-state.js';
import { readGitState } from './git-state.js';
import type { HistoryEntry } from './history.js';
import { appendHistoryEntry } from './history.js';
import type { MachineInfo } from './machine.js';
import { readMachineInfo } from './machine.js';
import type { CommandResult, RunCommand } from './run-command.js';
import { runCommand } from './run-command.js';
import { selectBudgets } from './select-budgets.js';
import { findNewSummaries, isInside, readTurboRun, summaryPathInLine, userWantsSummaries } from './turbo-summary.js';

export type BudgetProgress =
  | { kind: 'start'; budget: string; run: number; runs: number; warmup: boolean }
  | { kind: 'end'; budget: string; run: number; runs: number; warmup: boolean; durationMs: number; exitCode: number };

export interface RunBudgetsInput {
  root: string;
  config: HarnessConfig;
  /** Absolute path of harness.config.yaml, for findings that point at a budget's line. */
  configPath?: string;
  /** Repository-relative config path shown in findings (default harness.config.yaml). */
  configFile?: string;
  names?: readonly string[];
  /** Overrides every budget's `runs`. */
  runs?: number;
  /** Overrides every budget's `warmup`. */
  warmup?: number;
  env: Env;
  onProgress?: (event: BudgetProgress) => void;
  /** Raw command output, for `--verbose`; without it nothing is streamed. */
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
  /** Adapters, replaceable in tests. */
  runCommand?: RunCommand;
  readGitState?: ReadGitState;
  machine?: MachineInfo;
  now?: () => Date;
  /** The monotonic clock commands are timed with (default `performance.now`); tests pass their own. */
  clock?: () => number;
}

export interface BudgetRunDocument extends ResultDocument {
  budgets: BudgetOutcome[];
}

export async function runBudgets(input: RunBudgetsInput): Promise<BudgetRunDocument> {
  const configFile = input.configFile ?? 'harness.config.yaml';
  const budgets = selectBudgets(input.config, input.names ?? [], configFile);
  checkCount('--runs', input.runs, 1);
  checkCount('--warmup', input.warmup, 0);
  const now = input.now ?? (() => new Date());
  const started = now().getTime();
  const git = await (input.readGitState ?? readGitState)(input.root, input.env);
  const machine = input.machine ?? readMachineInfo(input.env);
  const lines = await locateBudgetLines(input.configPath);
  const outcomes: BudgetOutcome[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const budget of budgets) {
    const outcome = await measureBudget(budget, { ...input, now, git, machine });
    outcomes.push(outcome);
    const line = lines.get(budget.name);
    diagnostics.push(
      ...budgetDiagnostics(budget, outcome, { file: configFile, ...(line === undefined ? {} : { line }) }),
    );
  }
  const document = createResultDocument(
    [{ name: 'budget', ok: outcomes.every((o) => o.ok), durationMs: now().getTime() - started }],
    diagnostics,
  );
  return { ...document, budgets: outcomes };
}

function checkCount(option: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new HarnessError('USAGE', `${option} must be a whole number ≥ ${min}, not ${value}`, {
      fix: `For example ${option} 3.`,
    });
  }
}

interface MeasureContext extends RunBudgetsInput {
  now: () => Date;
  git: Awaited<ReturnType<ReadGitState>>;
  machine: MachineInfo;
}

async function measureBudget(budget: BudgetConfig, context: MeasureContext): Promise<BudgetOutcome> {
  const runs = context.runs ?? budget.runs ?? 1;
  const warmups = context.warmup ?? budget.warmup ?? 0;
  const invocation = `${context.now().toISOString().slice(0, 19).replace(/[-:]/g, '')}-${randomBytes(3).toString('hex')}`;
  const warmupMs: number[] = [];
  const entries: HistoryEntry[] = [];
  let failure: BudgetFailure | undefined;
  for (let run = 1; run <= warmups && failure === undefined; run++) {
    const { result } = await measureOnce(budget, context, { run, runs: warmups, warmup: true });
    if (result.exitCode === 0) warmupMs.push(Math.round(result.durationMs));
    else failure = { exitCode: result.exitCode, run: 0, tail: result.tail.slice(-20) };
  }
  for (let run = 1; run <= runs && failure === undefined; run++) {
    const time = context.now().toISOString();
    const { result, turbo } = await measureOnce(budget, context, { run, runs, warmup: false });
    const entry: HistoryEntry = {
      v: 1,
      budget: budget.name,
      invocation,
      run,
      runs,
      time,
      commit: context.git.commit,
      branch: context.git.branch,
      dirty: context.git.dirty,
      command: budget.command,
      seconds: budget.seconds,
      durationMs: Math.round(result.durationMs),
      exitCode: result.exitCode,
      machine: context.machine,
    };
    if (result.cpuMs !== undefined) entry.cpuMs = Math.round(result.cpuMs);
    if (turbo !== undefined) entry.turbo = turbo;
    await appendHistoryEntry(context.root, entry);
    entries.push(entry);
    if (result.exitCode !== 0) failure = failureOf(entry, result.tail);
  }
  return summarizeRuns(budget, entries, { warmupMs, ...(failure === undefined ? {} : { failure }) });
}

async function measureOnce(
  budget: BudgetConfig,
  context: MeasureContext,
  step: { run: number; runs: number; warmup: boolean },
): Promise<{ result: CommandResult; turbo: HistoryEntry['turbo'] }> {
  const summaries: string[] = [];
  const startedMs = context.now().getTime();
  context.onProgress?.({ kind: 'start', budget: budget.name, ...step });
  const result = await (context.runCommand ?? runCommand)({
    command: budget.command,
    cwd: context.root,
    // turbo's documented equivalent of --summarize; it reaches turbo through package scripts too.
    env: { ...context.env, TURBO_RUN_SUMMARY: 'true' },
    // Enough to find a failed turbo task's own lines among the others'.
    tailLines: 400,
    onLine: (line) => {
      const path = summaryPathInLine(line);
      if (path !== undefined && isInside(context.root, path)) summaries.push(path);
    },
    ...(context.onOutput === undefined ? {} : { onOutput: context.onOutput }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    ...(context.clock === undefined ? {} : { clock: context.clock }),
  });
  if (result.aborted) {
    throw new HarnessError(
      'INTERRUPTED',
      `budget "${budget.name}" was interrupted; its command's process group was stopped`,
      {
        fix: 'Run `harness budget` again; runs recorded before the interruption are kept in the history.',
      },
    );
  }
  context.onProgress?.({
    kind: 'end',
    budget: budget.name,
    ...step,
    durationMs: result.durationMs,
    exitCode: result.exitCode,
  });
  // Summaries only turbo printed are read; a run with hidden output falls back to new files.
  const files = summaries.length > 0 ? summaries : await findNewSummaries(context.root, startedMs);
  const turbo = await readTurboRun(files, {
    removeFrom: userWantsSummaries(budget.command, context.env) ? undefined : context.root,
  });
  return { result, turbo };
}
