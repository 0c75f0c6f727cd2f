// Handing an issue to a person and taking it back (docs/factory.md "When a person
// is needed"): the comment carries a hidden marker and is posted only when no
// comment with that marker exists; the label is added only when missing. The issue
// stays parked until a person removes the label, then resumes with fresh brakes.
import { existsSync } from 'node:fs';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import { freshCounters } from './turn-policy.js';

/** Finishes a pending hand-over, or sees whether a person gave the issue back; true when it is back. */
export async function handOver(ctx: FactoryContext, record: IssueRecord): Promise<boolean> {
  const target = record.pr ?? record.number;
  const pending = record.pendingAction;
  if (pending?.kind === 'comment-human') {
    const comments = await ctx.pulls.comments(target);
    if (!comments.some((c) => c.body.includes(pending.marker)))
      await ctx.pulls.comment(target, `${pending.body}\n\n${pending.marker}`);
    record.pendingAction = { kind: 'label', label: ctx.config.humanLabel };
    ctx.save();
  }
  if (record.pendingAction?.kind === 'label') {
    const labels = await ctx.pulls.labels(target);
    if (!labels.includes(ctx.config.humanLabel)) await ctx.pulls.addLabel(target, ctx.config.humanLabel);
    delete record.pendingAction;
    ctx.event(record, 'phase', { from: record.phase, to: 'human' });
    record.phase = 'human';
    ctx.save();
    return false;
  }
  // A person's own label is on the issue (reconcile-live.ts), even when there is a PR.
  const labels = await ctx.pulls.labels(record.parkedBy === 'human' ? record.number : target);
  if (labels.includes(ctx.config.humanLabel)) return false;
  ctx.event(record, 'resumed', { by: 'label removed', tokensBefore: record.counters.tokens });
  // An issue a person labelled before it was started waits for a slot and its blockers again.
  record.phase = record.pr !== undefined ? 'pr-open' : existsSync(record.worktree) ? 'implementing' : 'queued';
  record.counters = freshCounters();
  delete record.troubles;
  delete record.fingerprint;
  delete record.lastOutcome;
  delete record.parkedBy;
  ctx.save();
  return true;
}
