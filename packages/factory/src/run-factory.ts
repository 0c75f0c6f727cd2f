// `harness factory`: the loop (docs/factory.md "Running the loop"). Takes the lock,
// reconciles local state with GitHub (GitHub wins on terminal facts), finishes any
// write-ahead action, adds newly planned issues, then advances up to
// `concurrency` issues at a time until each must wait. `once` makes one pass.
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { acquirePidLock } from 'agent-harness-system';
import type { FactoryContext } from './factory-context.js';
import { ignoreStateDir, worktreePath } from './factory-paths.js';
import type { FactoryState, IssueRecord } from './factory-state.js';
import { appendEvent, readState, stateDir, writeState } from './factory-state.js';
import type { IssueSource } from './github-issues.js';
import { fetchCandidates } from './github-issues.js';
import { chooseLeased, releaseEnded } from './lease-choice.js';
import { planIssues } from './plan-issues.js';
import { reconcileIssues, resumeParked, watchRunning } from './reconcile-live.js';
import type { LoadSettings } from './settings.js';
import { applySettings } from './settings.js';
import type { FactoryPlan } from './plan-issues.js';
import { freshCounters } from './turn-policy.js';
import { advanceIssue, recordTrouble } from './work-issue.js';

export interface RunFactoryOptions extends Omit<FactoryContext, 'save' | 'event'> {
  issues: IssueSource;
  once: boolean;
  concurrency?: number;
  /** Waits between passes (tests pass their own clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Longest wait between passes, so new issues are seen (60 s). */
  pollSeconds?: number;
  onEvent?: (event: Record<string, unknown>) => void;
  /** Re-reads the factory config and WORKFLOW.md before every pass (settings.ts); an error keeps the last good ones. */
  reload?: LoadSettings | undefined;
  /** Kills an agent's process group when a person's decision stops it (tests count). */
  killAgent?: (pid: number) => void;
}

const terminal = new Set<IssueRecord['phase']>(['merged', 'parked']);
const maxStepsPerPass = 50;

export async function runFactory(options: RunFactoryOptions): Promise<FactoryState> {
  const lock = await acquirePidLock({
    root: options.root,
    path: join(stateDir(options.root), 'lock'),
    heldBy: 'another factory loop is running here',
    now: options.now,
  });
  try {
    ignoreStateDir(options.root);
    const state = readState(options.root);
    const ctx: FactoryContext = {
      ...options,
      save: () => writeState(options.root, state),
      event: (record, event, detail = {}) => {
        const entry = { issue: record.number, event, phase: record.phase, ...detail };
        appendEvent(options.root, entry, options.now());
        options.onEvent?.(entry);
      },
    };
    if (lock.tookOverFrom !== undefined)
      appendEvent(options.root, { event: 'lock-taken-over', from: lock.tookOverFrom }, options.now());
    await reconcile(ctx, state);
    for (let first = true; ; first = false) {
      await applySettings(ctx, options.reload, (entry) => {
        appendEvent(options.root, entry, options.now());
        options.onEvent?.(entry);
      });
      if (!first) await reconcileIssues(ctx, state);
      const plan = await admit(ctx, state, options);
      const stopWatch = watchRunning(ctx, state, {
        sleep: defaultSleep,
        pollMs: (options.pollSeconds ?? 60) * 1000,
        ...(options.killAgent === undefined ? {} : { kill: options.killAgent }),
      });
      try {
        await pass(ctx, state, plan, options.concurrency ?? ctx.config.concurrency, options.issues);
      } finally {
        await stopWatch();
      }
      if (options.once || stopped(options.signal)) return state;
      await (options.sleep ?? defaultSleep)(untilNextWake(state, options), options.signal);
      if (stopped(options.signal)) return state;
    }
  } finally {
    lock.release();
  }
}

/** At start: agents a killed loop left are killed, a PR it may have opened is found, then GitHub's decisions apply. */
async function reconcile(ctx: FactoryContext, state: FactoryState): Promise<void> {
  for (const record of Object.values(state.issues)) {
    if (terminal.has(record.phase)) continue;
    if (record.agentPid !== undefined) killStaleAgent(record.agentPid);
    delete record.agentPid;
    if (record.pr === undefined && record.pendingAction?.kind === 'create-pr') {
      const found = await ctx.pulls.findPullByBranch(record.branch);
      if (found !== undefined) {
        record.pr = found.number;
        record.phase = 'pr-open';
        delete record.pendingAction;
      }
    }
  }
  await reconcileIssues(ctx, state);
}

async function admit(ctx: FactoryContext, state: FactoryState, options: RunFactoryOptions): Promise<FactoryPlan> {
  const { candidates } = await fetchCandidates(options.issues, ctx.config.labels);
  await resumeParked(ctx, state, candidates);
  const plan = planIssues(candidates, ctx.config.priorityLabels);
  for (const entry of plan.plan) {
    if (state.issues[entry.issue] !== undefined) continue;
    state.issues[entry.issue] = {
      number: entry.issue,
      title: entry.title,
      phase: 'queued',
      branch: `harness/issue-${entry.issue}`,
      worktree: worktreePath(ctx.root, entry.issue),
      counters: freshCounters(),
      updatedAt: ctx.now().toISOString(),
    };
    ctx.event(state.issues[entry.issue] as IssueRecord, 'admitted', { after: entry.after });
  }
  ctx.save();
  return plan;
}

/** Issues already under way first, then queued ones in plan order whose blockers are merged. */
async function pass(
  ctx: FactoryContext,
  state: FactoryState,
  plan: FactoryPlan,
  concurrency: number,
  issues: IssueSource,
): Promise<void> {
  const order = new Map(plan.plan.map((p, i) => [p.issue, i]));
  const merged = (n: number) => state.issues[n]?.phase === 'merged';
  const after = new Map(plan.plan.map((p) => [p.issue, p.after]));
  const live = Object.values(state.issues).filter((r) => !terminal.has(r.phase));
  const started = live.filter((r) => r.phase !== 'queued');
  const ready = live
    .filter((r) => r.phase === 'queued' && order.has(r.number) && (after.get(r.number) ?? []).every(merged))
    .sort((a, b) => (order.get(a.number) ?? 0) - (order.get(b.number) ?? 0));
  const slots = Math.max(concurrency - started.filter((r) => r.phase !== 'human').length, 0);
  // Dispatch mode shares the repository with other loops: only issues whose lease this loop holds.
  const chosen =
    ctx.leases === undefined
      ? [...started, ...ready.slice(0, slots)]
      : await chooseLeased(ctx, ctx.leases, { started, ready, concurrency });
  await Promise.all(chosen.map((record) => work(ctx, record, issues)));
  if (ctx.leases !== undefined) await releaseEnded(ctx.leases, state);
}

async function work(ctx: FactoryContext, record: IssueRecord, issues: IssueSource): Promise<void> {
  const found = await issues.getIssue(record.number);
  const issue = { number: record.number, title: found?.title ?? record.title, body: found?.body ?? '' };
  try {
    for (let step = 0; step < maxStepsPerPass; step += 1) {
      if ((await advanceIssue(ctx, record, issue)) === 'wait') return;
    }
  } catch (error) {
    // One issue's trouble never stops the others: it waits and is retried (recordTrouble).
    if (!(error instanceof HarnessError)) throw error;
    recordTrouble(ctx, record, error);
  }
}

function untilNextWake(state: FactoryState, options: RunFactoryOptions): number {
  const poll = (options.pollSeconds ?? 60) * 1000;
  const wakes = Object.values(state.issues).flatMap((r) =>
    r.nextWakeAt === undefined || terminal.has(r.phase) ? [] : [Date.parse(r.nextWakeAt) - options.now().getTime()],
  );
  return Math.max(0, Math.min(poll, ...wakes));
}

const stopped = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

function killStaleAgent(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Gone already, or not ours to kill.
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
