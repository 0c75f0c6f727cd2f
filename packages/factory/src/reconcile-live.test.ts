import { sectionDefaults } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import type { FactoryContext } from './factory-context.js';
import type { FactoryState, IssueRecord } from './factory-state.js';
import { checkRunning, reconcileIssues, takeStop } from './reconcile-live.js';
import { freshCounters } from './turn-policy.js';

interface Github {
  issue: 'open' | 'closed';
  labels: string[];
  pull?: { merged: boolean; state: string };
}

function world(github: Github) {
  const events: string[] = [];
  const ctx = {
    root: '/nonexistent',
    config: sectionDefaults('factory'),
    pulls: {
      issueState: () => Promise.resolve(github.issue),
      labels: () => Promise.resolve(github.labels),
      getPull: () => Promise.resolve({ ...github.pull }),
    },
    now: () => new Date(0),
    save: () => undefined,
    event: (_record: IssueRecord, event: string, detail?: Record<string, unknown>) =>
      events.push(`${event} ${JSON.stringify(detail?.reason ?? detail?.to ?? '')}`),
  } as unknown as FactoryContext;
  const record: IssueRecord = {
    number: 4,
    title: 'Four',
    phase: 'implementing',
    branch: 'harness/issue-4',
    worktree: '/nonexistent/wt',
    counters: freshCounters(),
    updatedAt: new Date(0).toISOString(),
  };
  const state: FactoryState = { version: 1, issues: { 4: record } };
  return { ctx, record, state, events };
}

describe('live reconciliation', () => {
  it.each([
    [{ issue: 'closed', labels: ['agent-ready'] }, 'issue #4 was closed', 'parked', 'closed'],
    [{ issue: 'open', labels: [] }, 'issue #4 lost the label agent-ready', 'parked', 'label'],
    // A person's human label is a hand-over (phase human), resumed when they take it off.
    [
      { issue: 'open', labels: ['agent-ready', 'harness:human'] },
      'a person labelled issue #4 harness:human',
      'human',
      'human',
    ],
  ] as [Github, string, string, string][])(
    'kills the running agent of an issue a person took back (%j) and says why',
    async (github, why, phase, by) => {
      const { ctx, record, state, events } = world(github);
      record.agentPid = 4242;
      const killed: number[] = [];
      await checkRunning(ctx, state, (pid) => killed.push(pid));
      expect(killed).toEqual([4242]);
      expect(takeStop(record)).toEqual({ phase, reason: why, by });
      expect(takeStop(record)).toBeUndefined();
      expect(events).toContain(`agent-stopped ${JSON.stringify(why)}`);
    },
  );

  it('leaves an agent alone while its issue is open and labelled', async () => {
    const { ctx, record, state } = world({ issue: 'open', labels: ['agent-ready'] });
    record.agentPid = 4242;
    const killed: number[] = [];
    await checkRunning(ctx, state, (pid) => killed.push(pid));
    expect(killed).toEqual([]);
    expect(takeStop(record)).toBeUndefined();
  });

  it('records a PR merged or closed by a person, and parks a closed issue, with the reason in state', async () => {
    const merged = world({ issue: 'open', labels: ['agent-ready'], pull: { merged: true, state: 'closed' } });
    merged.record.pr = 9;
    merged.record.phase = 'pr-open';
    await reconcileIssues(merged.ctx, merged.state);
    expect([merged.record.phase, merged.record.lastReason]).toEqual(['merged', 'PR #9 was merged']);
    const closed = world({ issue: 'open', labels: ['agent-ready'], pull: { merged: false, state: 'closed' } });
    closed.record.pr = 9;
    await reconcileIssues(closed.ctx, closed.state);
    expect([closed.record.phase, closed.record.lastReason]).toEqual(['parked', 'PR #9 was closed']);
    const open = world({ issue: 'open', labels: ['agent-ready'] });
    await reconcileIssues(open.ctx, open.state);
    expect(open.record.phase).toBe('implementing');
  });
});
