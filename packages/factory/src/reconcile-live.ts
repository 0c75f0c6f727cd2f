// Live reconciliation (docs/factory.md "Reconciliation", Symphony SPEC §8.5): GitHub is
// the truth for what a person decided. On every pass, and while agents run, an issue
// that was closed, lost a factory label or got the human label is parked (its agent's
// process group killed), and a PR a person merged or closed ends the issue's work.
import type { FactoryContext } from './factory-context.js';
import type { FactoryState, IssueRecord } from './factory-state.js';
import { retireWorkspace } from './workspace-hooks.js';

const terminal = new Set<IssueRecord['phase']>(['merged', 'parked']);

/** Why a person's decision ends this issue's work, or undefined when it goes on. */
async function personDecided(
  ctx: FactoryContext,
  record: IssueRecord,
): Promise<{ phase: 'merged' | 'parked'; reason: string } | undefined> {
  if (record.pr !== undefined) {
    const pull = await ctx.pulls.getPull(record.pr);
    if (pull.merged) return { phase: 'merged', reason: `PR #${record.pr} was merged` };
    if (pull.state !== 'open') return { phase: 'parked', reason: `PR #${record.pr} was closed` };
  }
  if ((await ctx.pulls.issueState(record.number)) !== 'open')
    return { phase: 'parked', reason: `issue #${record.number} was closed` };
  const labels = (await ctx.pulls.labels(record.number)).map((l) => l.toLowerCase());
  const missing = ctx.config.labels.find((l) => !labels.includes(l.toLowerCase()));
  if (missing !== undefined) return { phase: 'parked', reason: `issue #${record.number} lost the label ${missing}` };
  // The loop's own hand-over labels the issue too (no PR yet): that issue waits for the label's removal.
  const handedOver = record.phase === 'human' || record.pendingAction?.kind === 'label';
  if (!handedOver && labels.includes(ctx.config.humanLabel.toLowerCase()))
    return { phase: 'parked', reason: `a person labelled issue #${record.number} ${ctx.config.humanLabel}` };
  return undefined;
}

/** Every pass: each issue still under way is checked against GitHub; decided ones end (workspace retired). */
export async function reconcileIssues(ctx: FactoryContext, state: FactoryState): Promise<void> {
  for (const record of Object.values(state.issues)) {
    if (terminal.has(record.phase)) continue;
    const decided = await personDecided(ctx, record);
    if (decided === undefined) continue;
    await conclude(ctx, record, decided.phase, decided.reason);
  }
  ctx.save();
}

/** Ends an issue's work for a reason a person gave (state says why). */
export async function conclude(
  ctx: FactoryContext,
  record: IssueRecord,
  phase: 'merged' | 'parked',
  reason: string,
): Promise<'again'> {
  record.phase = phase;
  record.lastReason = reason;
  delete record.nextWakeAt;
  delete record.pendingAction;
  record.updatedAt = ctx.now().toISOString();
  ctx.event(record, 'reconciled', { to: phase, reason });
  ctx.save();
  await retireWorkspace(ctx, record);
  return 'again';
}

const stops = new WeakMap<IssueRecord, { phase: 'merged' | 'parked'; reason: string }>();

/** The decision that stopped this record's running agent, taken once (work-issue.ts parks on it). */
export function takeStop(record: IssueRecord): { phase: 'merged' | 'parked'; reason: string } | undefined {
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
