// A person's decision that parked an issue can be undone (docs/factory.md "Reconciliation"): an
// issue whose factory label came back, that was reopened, or whose human label a person took off
// again is worked again with fresh brakes; a PR a person closed keeps it parked until it is reopened.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import type { FactoryState } from '../src/factory-state.js';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const sleepLine = JSON.stringify({ outcome: 'sleep', seconds: 600 });
/** Implements, opens the PR and sleeps on it; the third run merges. */
const implementSleepMerge = [
  { write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'] },
  { print: [sleepLine] },
  { merge: true, print: [JSON.stringify({ outcome: 'merged' })] },
];

const issue = () => {
  const found = issuesOf(world().repo).issues.get(1);
  if (found === undefined) throw new Error('no issue #1');
  return found;
};
const pull = () => {
  const found = pullsOf(world().repo).pulls.get(2);
  if (found === undefined) throw new Error('no PR #2');
  return found;
};
/** A green `ci` on the PR's head: the guarded merge needs a check that reported. */
const greenCi = () =>
  pullsOf(world().repo).statuses.push({
    id: 1,
    sha: world().git(world().origin, 'rev-parse', 'harness/issue-1'),
    context: 'ci',
    state: 'success',
    description: null,
  });
const writes = (method: string, suffix: string) =>
  world()
    .standin.writes()
    .filter((w) => w.method === method && w.path.endsWith(suffix)).length;
const resumedEvents = () =>
  readFileSync(join(world().root, '.harness', 'factory', 'events.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"event":"resumed"'))
    .map((l) => JSON.parse(l) as { by: string; reason: string });

/** The issue is worked until its PR is open and the agent sleeps on it. */
async function openAndSleep(): Promise<FactoryState> {
  world().addIssue({ title: 'One' });
  world().script_(implementSleepMerge);
  const state = await runFactory(world().options());
  expect(state.issues[1]).toMatchObject({ phase: 'pr-open', pr: 2, lastOutcome: 'sleep' });
  return state;
}

describe('a parked issue resumes when the person undoes the reason', () => {
  it('a factory label taken off and put back: parked, then worked again from its PR and merged, nothing duplicated', async () => {
    const first = await openAndSleep();
    const worktree = first.issues[1]?.worktree ?? '';
    issue().labels = [];
    let state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'parked', parkedBy: 'label' });
    expect(existsSync(worktree)).toBe(false);
    // Parked while the label is gone, however many passes see it.
    state = await runFactory(world().options());
    expect(state.issues[1]?.phase).toBe('parked');

    issue().labels = ['agent-ready'];
    greenCi();
    state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'merged', pr: 2 });
    expect(state.issues[1]?.parkedBy).toBeUndefined();
    expect(pull().merged).toBe(true);
    expect(readFileSync(`${world().script}.prompt-3`, 'utf8')).toContain('towards merge');
    expect(resumedEvents()).toEqual([expect.objectContaining({ by: 'label' })]);
    expect(writes('POST', '/pulls')).toBe(1);
    expect(writes('POST', '/comments')).toBe(0);
  });

  it('the human label put on by a person: phase human, worktree kept; taken off: worked again with fresh brakes', async () => {
    const first = await openAndSleep();
    const worktree = first.issues[1]?.worktree ?? '';
    issue().labels.push('harness:human');
    let state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'human', parkedBy: 'human' });
    expect(existsSync(worktree)).toBe(true);
    // Its PR does not carry the label; the issue does, so it stays with the person.
    world().clock.offsetMs = 3_600_000;
    state = await runFactory(world().options());
    expect(state.issues[1]?.phase).toBe('human');
    expect(existsSync(`${world().script}.prompt-3`)).toBe(false);

    issue().labels = issue().labels.filter((l) => l !== 'harness:human');
    greenCi();
    state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'merged', counters: { turns: 1 } });
    expect(pull().merged).toBe(true);
    expect(writes('POST', '/pulls')).toBe(1);
    expect(writes('POST', '/comments')).toBe(0);
    expect(writes('POST', '/labels')).toBe(0);
  });

  it('a closed issue reopened before it had a PR: queued again, implemented, one PR', async () => {
    world().addIssue({ title: 'One' });
    world().script_([
      { exit: 1 },
      { write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'], onPr: { print: [sleepLine] } },
    ]);
    let state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'implementing', lastOutcome: 'failed' });
    issue().state = 'closed';
    state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'parked', parkedBy: 'closed', lastReason: 'issue #1 was closed' });

    issue().state = 'open';
    state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'pr-open', pr: 2, lastOutcome: 'sleep' });
    expect(state.issues[1]?.counters.consecutiveFailures).toBe(0);
    expect(resumedEvents()).toEqual([expect.objectContaining({ by: 'closed' })]);
    expect(writes('POST', '/pulls')).toBe(1);
  });

  it('a PR closed by a person stays parked with the issue labelled and open; reopening the PR resumes it', async () => {
    await openAndSleep();
    pull().issue.state = 'closed';
    world().clock.offsetMs = 3_600_000;
    let state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'parked', parkedBy: 'pr-closed' });
    state = await runFactory(world().options());
    expect(state.issues[1]?.phase).toBe('parked');
    expect(existsSync(`${world().script}.prompt-3`)).toBe(false);

    pull().issue.state = 'open';
    greenCi();
    state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'merged', pr: 2 });
    expect(resumedEvents()).toEqual([expect.objectContaining({ by: 'pr-closed', reason: 'PR #2 was reopened' })]);
    expect(writes('POST', '/pulls')).toBe(1);
  });

  it('an issue a person labelled human before it started goes back to the queue, not past its turn', async () => {
    world().addIssue({ title: 'One' });
    world().addIssue({ title: 'Two' });
    world().script_([{ write: { 'a.txt': 'x\n' }, print: ['{"outcome":"continue"}'], onPr: { print: [sleepLine] } }]);
    let state = await runFactory(world().options());
    expect([state.issues[1]?.phase, state.issues[2]?.phase]).toEqual(['pr-open', 'queued']);
    issuesOf(world().repo).issues.get(2)?.labels.push('harness:human');
    state = await runFactory(world().options());
    expect(state.issues[2]).toMatchObject({ phase: 'human', parkedBy: 'human' });
    const two = issuesOf(world().repo).issues.get(2);
    if (two) two.labels = ['agent-ready'];
    state = await runFactory(world().options());
    // Concurrency 1, #1 still under way: #2 waits for the slot.
    expect(state.issues[2]?.phase).toBe('queued');
    expect(existsSync(state.issues[2]?.worktree ?? '')).toBe(false);
  });
});
