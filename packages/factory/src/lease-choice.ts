// Which issues a loop works this pass when it shares the repository with other loops (dispatch
// mode, docs/factory.md "Dispatch mode"): the started ones whose lease it still holds, then ready
// ones in plan order whose lease it can take, up to its concurrency. An issue leased by a live
// loop elsewhere is skipped; an expired lease is taken over. Leases of ended issues are released.
import type { FactoryContext } from './factory-context.js';
import type { FactoryState, IssueRecord } from './factory-state.js';
import type { LeaseKeeper } from './lease-keeper.js';
import { conclude } from './reconcile-live.js';

const ended = new Set<IssueRecord['phase']>(['merged', 'parked']);

export async function chooseLeased(
  ctx: FactoryContext,
  keeper: LeaseKeeper,
  work: { started: IssueRecord[]; ready: IssueRecord[]; concurrency: number },
): Promise<IssueRecord[]> {
  const chosen: IssueRecord[] = [];
  for (const record of work.started) if (await keeper.hold(record.number)) chosen.push(record);
  let free = work.concurrency - chosen.filter((r) => r.phase !== 'human').length;
  for (const record of work.ready) {
    if (free <= 0) break;
    if (!(await keeper.hold(record.number))) continue;
    // Another loop may have merged it and let go of its lease since this pass's reconciliation.
    if (await endedElsewhere(ctx, record)) {
      await keeper.release(record.number);
      continue;
    }
    chosen.push(record);
    free -= 1;
  }
  return chosen;
}

/** Closed, or its branch's PR merged (by the loop that held it before): recorded as merged, never worked again. */
async function endedElsewhere(ctx: FactoryContext, record: IssueRecord): Promise<boolean> {
  const pull = await ctx.pulls.findPullByBranch(record.branch);
  if (pull?.merged === true) {
    record.pr = pull.number;
    await conclude(ctx, record, 'merged', `PR #${pull.number} was merged by another loop`);
    return true;
  }
  return (await ctx.pulls.issueState(record.number)) !== 'open';
}

/** Lets go of the leases on issues whose work ended (merged or parked), so people and other loops see them free. */
export async function releaseEnded(keeper: LeaseKeeper, state: FactoryState): Promise<void> {
  for (const issue of keeper.held()) {
    const phase = state.issues[issue]?.phase;
    if (phase !== undefined && ended.has(phase)) await keeper.release(issue);
  }
}
