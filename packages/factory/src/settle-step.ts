// How a step of one issue ends (docs/factory.md "Turns and brakes"): the record moves to its next
// phase, a turn's outcome is settled by the turn policy, trouble from git or GitHub is recorded on
// the issue, and a hand-over to a person is announced before it is made.
import type { HarnessError } from 'agent-harness-diagnostics';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import { handOver } from './human-handoff.js';
import { humanMarker } from './turn-prompt.js';
import type { TurnResult } from './turn-policy.js';
import { backoffSeconds, decideAfterTurn } from './turn-policy.js';
import { retireWorkspace } from './workspace-hooks.js';

/** `again`: take the next step now; `wait`: nothing to do until `nextWakeAt` or a person acts. */
export type StepResult = 'again' | 'wait';

/** The issue's work is over: its stack goes down, then the record moves to its last phase. */
export async function end(ctx: FactoryContext, record: IssueRecord, phase: 'merged' | 'parked'): Promise<StepResult> {
  await retireWorkspace(ctx, record);
  return moveTo(ctx, record, phase);
}

export function moveTo(ctx: FactoryContext, record: IssueRecord, phase: IssueRecord['phase']): StepResult {
  ctx.event(record, 'phase', { from: record.phase, to: phase });
  delete record.troubles;
  record.phase = phase;
  record.updatedAt = ctx.now().toISOString();
  ctx.save();
  return 'again';
}

/**
 * git or GitHub refused a step of this issue (a push rejected, a request that failed): the issue
 * shows it (`error`, the reason, the next try) and is retried with backoff while the other issues
 * go on; after the brake streak of these in a row, a person is asked.
 */
export function recordTrouble(ctx: FactoryContext, record: IssueRecord, error: HarnessError): void {
  const troubles = (record.troubles ?? 0) + 1;
  record.troubles = troubles;
  record.lastOutcome = 'error';
  record.lastReason = `${error.message}${error.fix === undefined ? '' : `\nfix: ${error.fix}`}`;
  record.nextWakeAt = new Date(ctx.now().getTime() + backoffSeconds(troubles, ctx.backoff) * 1000).toISOString();
  ctx.event(record, 'trouble', { code: error.code, message: error.message, troubles });
  const handingOver = record.pendingAction?.kind === 'comment-human' || record.pendingAction?.kind === 'label';
  if (troubles >= 3 && !handingOver)
    record.pendingAction = {
      kind: 'comment-human',
      marker: humanMarker(record.number, record.counters.turns),
      body: `The factory stopped working on this on its own: ${troubles} attempts in a row failed; the last: ${error.message}. A person needs to look; remove the label to hand it back.`,
    };
  ctx.save();
}

/** Applies the turn policy's decision to the record. */
export async function settle(
  ctx: FactoryContext,
  record: IssueRecord,
  result: TurnResult,
  wake?: string,
): Promise<StepResult> {
  if (wake !== undefined) record.fingerprint = wake;
  delete record.troubles;
  const { counters, decision } = decideAfterTurn(record.counters, result, {
    maxTurns: ctx.config.maxTurns,
    maxTokens: ctx.config.maxTokens,
    ...(ctx.backoff === undefined ? {} : { backoff: ctx.backoff }),
  });
  record.counters = counters;
  record.lastOutcome = result.kind === 'answered' ? result.outcome.outcome : result.kind;
  if (result.kind === 'answered') delete record.lastReason;
  else record.lastReason = result.kind === 'failed' ? result.reason : `harness check failed:\n${result.report}`;
  // The turn and how it ended, for the status page's turns (issue-detail.ts).
  ctx.event(record, 'decision', {
    turn: counters.turns,
    result: result.kind,
    ...decision,
    ...(result.kind === 'failed' ? { failure: result.reason } : {}),
  });
  delete record.nextWakeAt;
  delete record.sleepSeconds;
  const later = (seconds: number) => {
    record.nextWakeAt = new Date(ctx.now().getTime() + seconds * 1000).toISOString();
    ctx.save();
    return 'wait' as const;
  };
  switch (decision.action) {
    case 'again':
      ctx.save();
      return 'again';
    case 'sleep':
      record.sleepSeconds = decision.seconds;
      return later(decision.seconds);
    case 'retry':
      return later(decision.seconds);
    case 'done':
      return end(ctx, record, 'merged');
    case 'human':
      return handToPerson(ctx, record, decision.comment);
  }
}

/** Announces the hand-over (comment with a marker, then the label) before making it. */
export async function handToPerson(
  ctx: FactoryContext,
  record: IssueRecord,
  body: string,
  why?: string,
): Promise<StepResult> {
  if (why !== undefined) record.lastOutcome = why;
  record.pendingAction = { kind: 'comment-human', marker: humanMarker(record.number, record.counters.turns), body };
  ctx.save();
  await handOver(ctx, record);
  return 'wait';
}
