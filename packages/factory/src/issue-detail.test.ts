import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, writeState } from './factory-state.js';
import { readFactoryStatus } from './factory-status.js';
import { readIssueDetail } from './issue-detail.js';
import { freshCounters } from './turn-policy.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = (i: number) => new Date(Date.UTC(2026, 10, 22, 14, i));

/** Issue 4's life as the loop writes it: a failed turn, a red one, a sleep, a merge; issue 5 only admitted. */
function factory(): string {
  const root = mkdtempSync(join(tmpdir(), 'issue-detail-'));
  made.push(root);
  writeState(root, {
    version: 1,
    issues: {
      4: {
        number: 4,
        title: 'Orders <API>',
        phase: 'pr-open',
        branch: 'harness/issue-4',
        worktree: '/w/issue-4',
        pr: 9,
        counters: { ...freshCounters(), turns: 4, consecutiveRed: 1, tokens: 300 },
        spent: { tokens: 1200, costUsd: 0.25 },
        lastOutcome: 'sleep',
        lastReason: 'harness check failed:\ndocs/links: 2 broken links',
        nextWakeAt: '2026-11-22T15:00:00.000Z',
        agentPid: 4242,
        updatedAt: '2026-11-22T14:09:00.000Z',
      },
      5: {
        number: 5,
        title: 'Later',
        phase: 'queued',
        branch: 'harness/issue-5',
        worktree: '/w/issue-5',
        counters: freshCounters(),
        updatedAt: '2026-11-22T14:00:00.000Z',
      },
    },
  });
  const events: [number, Record<string, unknown>][] = [
    [0, { issue: 4, event: 'admitted', phase: 'queued', after: [] }],
    [0, { issue: 5, event: 'admitted', phase: 'queued', after: [4] }],
    [1, { issue: 4, event: 'decision', turn: 1, result: 'failed', action: 'retry', seconds: 10, reason: 'exit 1' }],
    [2, { issue: 4, event: 'outcome', turn: 2, outcome: 'continue', tokens: 100 }],
    [3, { issue: 4, event: 'decision', turn: 2, result: 'red', action: 'retry', seconds: 10, reason: 'red' }],
    [4, { issue: 4, event: 'outcome', turn: 3, outcome: 'continue', tokens: 100 }],
    [5, { issue: 4, event: 'pr', pr: 9, url: 'https://github.com/octo/app/pull/9' }],
    [6, { issue: 4, event: 'outcome', turn: 4, outcome: 'sleep', seconds: 1800, comment: 'CI is slow', tokens: 100 }],
    [6, { issue: 4, event: 'decision', turn: 4, result: 'answered', action: 'sleep', seconds: 1800 }],
  ];
  for (const [minute, event] of events) appendEvent(root, event, at(minute));
  return root;
}

describe('one issue, read from .harness/factory/', () => {
  it('has its turns with their outcomes, its PR link, spend, agent and events newest first', () => {
    const root = factory();
    const detail = readIssueDetail(root, 4);
    expect(detail?.version).toBe(1);
    const issue = detail?.issue;
    expect(issue).toMatchObject({
      issue: 4,
      title: 'Orders <API>',
      phase: 'pr-open',
      pr: 9,
      prUrl: 'https://github.com/octo/app/pull/9',
      branch: 'harness/issue-4',
      spent: { tokens: 1200, costUsd: 0.25 },
      agentPid: 4242,
      lease: null,
      lastReason: 'harness check failed:\ndocs/links: 2 broken links',
      nextWakeAt: '2026-11-22T15:00:00.000Z',
      brakes: { consecutiveFailures: 0, consecutiveRed: 1, continuesWithoutCommit: 0, falseMergeClaims: 0 },
    });
    expect(issue?.turnOutcomes).toEqual([
      {
        turn: 1,
        at: at(1).toISOString(),
        answer: null,
        result: 'failed',
        decision: 'retry in 10 s',
        text: 'exit 1',
        tokens: null,
        log: '.harness/factory/runs/4/1.log',
      },
      {
        turn: 2,
        at: at(3).toISOString(),
        answer: 'continue',
        result: 'red',
        decision: 'retry in 10 s',
        text: 'red',
        tokens: 100,
        log: '.harness/factory/runs/4/2.log',
      },
      {
        turn: 3,
        at: at(4).toISOString(),
        answer: 'continue',
        result: 'answered',
        decision: null,
        text: '',
        tokens: 100,
        log: '.harness/factory/runs/4/3.log',
      },
      {
        turn: 4,
        at: at(6).toISOString(),
        answer: 'sleep',
        result: 'answered',
        decision: 'sleep 1800 s',
        text: 'CI is slow',
        tokens: 100,
        log: '.harness/factory/runs/4/4.log',
      },
    ]);
    expect(issue?.events.map((e) => [e.kind, e.issue])).toEqual([
      ['decision', 4],
      ['outcome', 4],
      ['pr', 4],
      ['outcome', 4],
      ['decision', 4],
      ['outcome', 4],
      ['decision', 4],
      ['admitted', 4],
    ]);
  });

  it('shows the lease a loop holds on the issue in dispatch mode, until it is released', () => {
    const root = factory();
    expect(readIssueDetail(root, 4)?.issue.lease).toBeNull();
    appendEvent(
      root,
      { issue: 4, event: 'leased', holder: 'ci-1/77/ab12', expiresAt: '2026-11-22T14:20:00.000Z' },
      at(10),
    );
    appendEvent(root, { issue: 5, event: 'lease-released', holder: 'ci-1/77/ab12' }, at(11));
    expect(readIssueDetail(root, 4)?.issue.lease).toEqual({
      holder: 'ci-1/77/ab12',
      since: at(10).toISOString(),
      expiresAt: '2026-11-22T14:20:00.000Z',
    });
    appendEvent(root, { issue: 4, event: 'lease-released', holder: 'ci-1/77/ab12' }, at(12));
    expect(readIssueDetail(root, 4)?.issue.lease).toBeNull();
  });

  it('is undefined for an issue the loop never admitted', () => {
    expect(readIssueDetail(factory(), 6)).toBeUndefined();
  });

  it('the factory status carries the newest events across issues', () => {
    const root = factory();
    const status = readFactoryStatus(root);
    expect(status.recentEvents.map((e) => e.issue)).toEqual([4, 4, 4, 4, 4, 4, 4, 5, 4]);
    expect(status.recentEvents[0]?.text).toBe('turn 4: sleep 1800 s');
  });
});
