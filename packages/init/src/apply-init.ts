// Phase three of init: write the plan, then run the checks once through the
// same runner `harness check` uses, recording today's findings as baselines
// and confirming the checks are green (record-baselines.ts). Every write is
// checked before the first one is made; each is atomic and the config goes last, so an interrupted run leaves nothing half
// written and a rerun completes it; and a write or a check that fails midway
// is undone, so init either completes or leaves the repository as it was.
import { registeredChecks } from 'agent-harness-check';
import type { Check } from 'agent-harness-config';
import { configFileName } from 'agent-harness-config';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { configuredBaselines, restoreBaselines, snapshotBaselines } from './baseline-snapshot.js';
import { findWriteProblems, writeProblemsError } from './check-writes.js';
import type { InitPlan, PlannedFile } from './init-plan.js';
import type { BaselineChange } from './record-baselines.js';
import { recordBaselines } from './record-baselines.js';
import { runInstall } from './install-adapter.js';
import type { Env } from 'agent-harness-system';
import { removeLeftoverTemps } from 'agent-harness-system';
import type { WriteFileHook } from './write-journal.js';
import { afterUndo, WriteJournal } from './write-journal.js';

export interface ApplyOptions {
  /** Run the package manager's install after writing package.json. */
  install?: boolean;
  /** Install output, for the person watching. */
  onOutput?: (text: string) => void;
  env?: Env;
  /** The checks that record baselines and confirm (default: every registered check). */
  checks?: readonly Check[];
  /** Wraps each file write; for tests that make a write fail. */
  writeFile?: WriteFileHook;
}

export type { BaselineChange } from './record-baselines.js';

export interface InitResult {
  written: string[];
  baselines: BaselineChange[];
  /** Lines from the checks (baseline writes, skipped sections). */
  notes: string[];
  /** `harness check` as it stands after init, when baselines were recorded. */
  check: ResultDocument | undefined;
  installed: boolean;
}

const writes = new Set<PlannedFile['action']>(['create', 'overwrite', 'update']);

export async function applyInit(plan: InitPlan, options: ApplyOptions = {}): Promise<InitResult> {
  const pending = plan.files.filter((f) => writes.has(f.action) && f.content !== undefined);
  // The config goes last: until it exists, the repository does not look initialised.
  const ordered = [
    ...pending.filter((f) => f.path !== configFileName),
    ...pending.filter((f) => f.path === configFileName),
  ];
  const problems = await findWriteProblems(plan.root, ordered);
  if (problems.length > 0) throw writeProblemsError(problems);
  for (const file of plan.files) removeLeftoverTemps(plan.root, file.path);
  const before = await snapshotBaselines(plan.root, await configuredBaselines(plan));
  const journal = new WriteJournal(plan.root, options.writeFile);
  const result: InitResult = { written: [], baselines: [], notes: [], check: undefined, installed: false };
  const checks = new SettledChecks(options.checks ?? registeredChecks);
  try {
    for (const file of ordered) await journal.write(file.path, file.content ?? '');
    result.written = journal.written;
    if (plan.confirm) {
      const recorded = await recordBaselines(plan, { checks: checks.checks, env: options.env }, before);
      result.baselines = recorded.baselines;
      result.notes = recorded.notes;
      result.check = recorded.check;
    }
  } catch (error) {
    // The runner stops at the first check that fails; the others may still be writing their baselines.
    await checks.settled();
    const left = [...(await restoreBaselines(plan.root, before)), ...(await journal.rollback())];
    throw afterUndo(error, left);
  }
  if (options.install === true && plan.installCommand !== undefined) {
    await runInstall(plan.root, plan.installCommand, options.onOutput ?? (() => undefined));
    result.installed = true;
  }
  return result;
}

/** The checks, each run remembered, so that an undo waits until none is still writing. */
class SettledChecks {
  readonly checks: Check[];
  private readonly runs: Promise<unknown>[] = [];

  constructor(checks: readonly Check[]) {
    this.checks = checks.map((check) => ({
      ...check,
      run: (context) => {
        const run = check.run(context);
        this.runs.push(run.catch(() => undefined));
        return run;
      },
    }));
  }

  async settled(): Promise<void> {
    await Promise.all(this.runs);
  }
}
