// Live reconciliation (docs/factory.md "Reconciliation", Symphony SPEC §8.5): GitHub is
// the truth for what a person decided. On every pass, and while agents run, an issue
// that was closed or lost a factory label is parked, one a person labelled human goes
// to `human` (its agent's process group killed either way), and a PR a person merged
// or closed ends the issue's work. A parked issue resumes when the person undoes it.
import type { FactoryContext } from './factory-context.js';
import type { FactoryState, IssueRecord, ParkedBy } from './factory-state.js';
import { freshCounters } from './turn-policy.js';
import { retireWorkspace } from './workspace-hooks.js';

const terminal = new Set<IssueRecord['phase']>(['merged', 'parked']);

/** A person's decision: the phase it puts the issue in, why, and what the person would undo to give it back. */
export interface Decision {
  phase: 'merged' | 'parked' | 'human';
  reason: string;
  by?: ParkedBy;
}

/** Why a person's decision ends this issue's work, or undefined when it goes on. */
async function personDecided(ctx: FactoryContext, record: IssueRecord): Promise<Decision | undefined> {
  if (record.pr !== undefined) {
    const pull = await ctx.pulls.getPull(record.pr);
    if (pull.merged) return { phase: 'merged', reason: `PR #${record.pr} was merged` };
    if (pull.state !== 'open') return { phase: 'parked', reason: `PR #${record.pr} was closed`, by: 'pr-closed' };
  }
  if ((await ctx.pulls.issueState(record.number)) !== 'open')
    return { phase: 'parked', reason: `issue #${record.number} was closed`, by: 'closed' };
  const labels = (await ctx.pulls.labels(record.number)).map((l) => l.toLowerCase());
  const missing = ctx.config.labels.find((l) => !labels.includes(l.toLowerCase()));
  if (missing !== undefined)
    return { phase: 'parked', reason: `issue #${record.number} lost the label ${missing}`, by: 'label' };
  // The loop's own hand-over labels the issue too (no PR yet): that issue waits for the label's removal.
  const handedOver = record.phase === 'human' || record.pendingAction?.kind === 'label';
  if (!handedOver && labels.includes(ctx.config.humanLabel.toLowerCase()))
    return {
      phase: 'human',
      reason: `a person labelled issue #${record.number} ${ctx.config.humanLabel}`,
      by: 'human',
    };
  return undefined;
}

/** Every pass: each issue still under way is checked against GitHub; decided ones end (workspace retired). */
export async function reconcileIssues(ctx: FactoryContext, state: FactoryState): Promise<void> {
  for (const record of Object.values(state.issues)) {
    if (terminal.has(record.phase)) continue;
    const decided = await personDecided(ctx, record);
    if (decided === undefined) continue;
    await conclude(ctx, record, decided.phase, decided.reason, decided.by);
  }
  ctx.save();
}

/**
 * Ends an issue's work for a reason a person gave (state says why). The human label put on by a
 * person is a hand-over like the agent's: the worktree stays, and removing the label resumes it.
 */
export async function conclude(
  ctx: FactoryContext,
  record: IssueRecord,
  phase: Decision['phase'],
  reason: string,
  by?: ParkedBy,
): Promise<'again'> {
  record.phase = phase;
  record.lastReason = reason;
  if (by === undefined) delete record.parkedBy;
  else record.parkedBy = by;
  delete record.nextWakeAt;
  delete record.pendingAction;
  record.updatedAt = ctx.now().toISOString();
  ctx.event(record, 'reconciled', { to: phase, reason });
  ctx.save();
  if (phase !== 'human') await retireWorkspace(ctx, record);
  return 'again';
}

/**
 * Before a pass: an issue parked by a person's decision that is a candidate again (open, every
 * factory label) and carries no human label, on the issue or its PR, resumes with fresh brakes.
 * Its PR decides: merged ends it; closed keeps it parked until a person reopens the PR.
 */
export async function resumeParked(
  ctx: FactoryContext,
  state: FactoryState,
  candidates: { number: number; labels: string[] }[],
): Promise<void> {
  const human = ctx.config.humanLabel.toLowerCase();
  const labelledHuman = (labels: string[]) => labels.some((l) => l.toLowerCase() === human);
  for (const candidate of candidates) {
    const record = state.issues[candidate.number];
    if (record?.phase !== 'parked' || record.parkedBy === undefined || labelledHuman(candidate.labels)) continue;
    if (record.pr !== undefined) {
      const pull = await ctx.pulls.getPull(record.pr);
      if (pull.merged) {
        await conclude(ctx, record, 'merged', `PR #${record.pr} was merged`);
        continue;
      }
      if (pull.state !== 'open' || labelledHuman(await ctx.pulls.labels(record.pr))) continue;
    }
    resume(ctx, record);
  }
  ctx.save();
}

function resume(ctx: FactoryContext, record: IssueRecord): void {
  const reason =
    record.parkedBy === 'pr-closed'
      ? `PR #${record.pr} was reopened`
      : `issue #${record.number} is open with every factory label again`;
  ctx.event(record, 'resumed', { by: record.parkedBy, reason, tokensBefore: record.counters.tokens });
  // With a PR, its worktree is made again from the pushed branch before the turn (work-issue.ts).
  record.phase = record.pr === undefined ? 'queued' : 'pr-open';
  record.counters = freshCounters();
  record.lastReason = reason;
  record.updatedAt = ctx.now().toISOString();
  for (const key of ['parkedBy', 'troubles', 'fingerprint', 'lastOutcome', 'nextWakeAt', 'sleepSeconds'] as const)
    delete record[key];
}

const stops = new WeakMap<IssueRecord, Decision>();

/** The decision that stopped this record's running agent, taken once (work-issue.ts concludes on it). */
export function takeStop(record: IssueRecord): Decision | undefined {
  const stop = stops.get(record);
  stops.delete(record);
  return stop;
}

export interface WatchOptions {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  pollMs: number;
  /** Kills a process group (tests count the kills). */
  kill?: (pid: number) => void;
}

/** While a pass runs, polls GitHub for each issue with a running agent; a person's decision kills it. Returns the stopper. */
export function watchRunning(ctx: FactoryContext, state: FactoryState, options: WatchOptions): () => Promise<void> {
  const done = new AbortController();
  const kill = options.kill ?? killGroup;
  const loop = (async () => {
    for (;;) {
      await options.sleep(options.pollMs, done.signal);
      if (done.signal.aborted) return;
      await checkRunning(ctx, state, kill).catch((error: unknown) => {
        ctx.event(anyRecord(state), 'reconcile-failed', { error: String(error) });
      });
    }
  })();
  return async () => {
    done.abort();
    await loop;
  };
}

/** One look at the running agents; exported for tests that drive the watch step by step. */
export async function checkRunning(
  ctx: FactoryContext,
  state: FactoryState,
  kill: (pid: number) => void = killGroup,
): Promise<void> {
  for (const record of Object.values(state.issues)) {
    const pid = record.agentPid;
    if (pid === undefined || stops.has(record)) continue;
    const decided = await personDecided(ctx, record);
    if (decided === undefined || record.agentPid !== pid) continue;
    stops.set(record, decided);
    ctx.event(record, 'agent-stopped', { pid, reason: decided.reason });
    kill(pid);
  }
}

const anyRecord = (state: FactoryState): IssueRecord =>
  Object.values(state.issues)[0] ?? ({ number: 0, phase: 'queued' } as IssueRecord);

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}
