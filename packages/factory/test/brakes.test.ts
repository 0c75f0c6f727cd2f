// Each brake escalates to a person exactly once, and a person removing the label
// hands the issue back: invalid answers, stalls, continues without commits, false
// merge claims, the turn and token budgets, and a red `harness check` never pushes.
import { readFileSync } from 'node:fs';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../src/run-factory.js';
import type { World } from './factory-fixture.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const edit = (n: number) => ({ write: { [`file-${n}.txt`]: `${n}\n` } });
const commentsOn = (n: number) => issuesOf(world().repo).issues.get(n)?.comments ?? [];
const labelsOn = (n: number) => issuesOf(world().repo).issues.get(n)?.labels ?? [];

/** Runs passes, moving the clock past every wake-up, until the issue is in `phase` or the passes run out. */
async function passes(count: number, overrides: Parameters<World['options']>[0] = {}) {
  let state = await runFactory(world().options(overrides));
  for (let i = 1; i < count; i += 1) {
    world().clock.offsetMs += 3_700_000;
    state = await runFactory(world().options(overrides));
  }
  return state;
}

describe('brakes', () => {
  it('three invalid answers hand the issue to a person once; removing the label hands it back', async () => {
    const issue = world().addIssue({ title: 'Rename', body: 'Rename x to y.' });
    world().script_([
      { print: ['all done!'] },
      { print: ['{"outcome":"finished"}'] },
      { print: [] },
      { ...edit(1), print: [line({ outcome: 'sleep', seconds: 60 })] },
    ]);
    let state = await passes(3);
    expect(state.issues[issue]).toMatchObject({ phase: 'human', lastOutcome: 'failed' });
    expect(commentsOn(issue)).toHaveLength(1);
    expect(commentsOn(issue)[0]?.body).toMatch(/3 failed turns in a row[\s\S]*<!-- harness-factory issue=1 turn=3 -->/);
    expect(labelsOn(issue)).toContain('harness:human');
    state = await passes(2);
    expect(state.issues[issue]?.phase).toBe('human');
    expect(commentsOn(issue)).toHaveLength(1);

    const stored = issuesOf(world().repo).issues.get(issue);
    if (stored) stored.labels = stored.labels.filter((l) => l !== 'harness:human');
    state = await passes(1);
    expect(state.issues[issue]).toMatchObject({ phase: 'pr-open', pr: 2 });
  });

  it('a silent agent is killed after the stall time and counts as a failed turn', async () => {
    const issue = world().addIssue({ title: 'Slow' });
    world().script_([{ print: ['thinking'], stall: true }]);
    const state = await runFactory(world().options({ config: { stallMinutes: 0.005 } }));
    expect(state.issues[issue]).toMatchObject({
      phase: 'implementing',
      lastOutcome: 'failed',
      counters: { consecutiveFailures: 1 },
    });
    expect(state.issues[issue]?.lastReason).toContain('printed nothing');
  });

  it('three continues without a new commit hand the PR to a person', async () => {
    world().addIssue({ title: 'Loop' });
    world().script_([
      { ...edit(1), print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'continue' })] },
    ]);
    const state = await passes(1);
    expect(state.issues[1]).toMatchObject({ phase: 'human', pr: 2 });
    expect(commentsOn(2)[0]?.body).toContain('3 continues in a row without a new commit');
    expect(labelsOn(2)).toEqual(['harness:human']);
  });

  it('believes merged only from GitHub, and a second false claim goes to a person', async () => {
    world().addIssue({ title: 'Liar' });
    world().script_([{ ...edit(1), print: [line({ outcome: 'continue' })] }, { print: [line({ outcome: 'merged' })] }]);
    const state = await passes(1);
    expect(state.issues[1]?.phase).toBe('human');
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(false);
    expect(commentsOn(2)[0]?.body).toContain('GitHub says it is not');
  });

  it('stops at the token budget', async () => {
    world().addIssue({ title: 'Budget' });
    world().script_([
      { ...edit(1), print: [line({ outcome: 'continue', tokens: 500 })] },
      { ...edit(2), print: [line({ outcome: 'continue', tokens: 700 })] },
    ]);
    const spent = await passes(1, { config: { maxTokens: 1000 } });
    expect(spent.issues[1]).toMatchObject({ phase: 'human', counters: { tokens: 1200 } });
    expect(commentsOn(2)[0]?.body).toContain('token budget');
  });

  it('stops at the turn budget', async () => {
    world().addIssue({ title: 'Turns' });
    world().script_([
      { ...edit(1), print: [line({ outcome: 'continue' })] },
      { ...edit(2), print: [line({ outcome: 'continue' })] },
      { ...edit(3), print: [line({ outcome: 'continue' })] },
    ]);
    const state = await passes(1, { config: { maxTurns: 2 } });
    expect(state.issues[1]).toMatchObject({ phase: 'human', counters: { turns: 2 } });
    expect(commentsOn(2)[0]?.body).toContain('turn budget is spent (2 of 2)');
  });

  it('a red harness check pushes nothing and feeds the report back to the agent', async () => {
    world().addIssue({ title: 'Red' });
    world().script_([{ ...edit(1), print: [line({ outcome: 'continue' })] }]);
    const state = await runFactory(
      world().options({ check: () => Promise.resolve({ ok: false, report: 'layers: src/a.ts imports src/b.ts' }) }),
    );
    expect(state.issues[1]).toMatchObject({ phase: 'implementing', counters: { consecutiveRed: 1 } });
    expect(world().git(world().origin, 'branch', '--list')).not.toContain('harness/issue-1');
    world().clock.offsetMs += 60_000;
    await runFactory(
      world().options({ check: () => Promise.resolve({ ok: false, report: 'layers: src/a.ts imports src/b.ts' }) }),
    );
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${world().script}.prompt-2`, 'utf8')).toContain('layers: src/a.ts imports src/b.ts');
  });

  it('an always-red agent gets the brake streak of turns, backed off 10 s then 20 s, then a person', async () => {
    world().addIssue({ title: 'Always red' });
    world().script_([1, 2, 3, 4, 5, 6].map((n) => ({ ...edit(n), print: [line({ outcome: 'continue' })] })));
    const red = () => Promise.resolve({ ok: false, report: 'docs: README.md links to a missing file' });
    const waits: number[] = [];
    let state = await runFactory(world().options({ check: red }));
    for (let pass = 0; pass < 10 && state.issues[1]?.phase !== 'human'; pass += 1) {
      const wake = state.issues[1]?.nextWakeAt;
      if (wake !== undefined) {
        const wait = Date.parse(wake) - world().clock.now().getTime();
        waits.push(Math.round(wait / 1000));
        world().clock.offsetMs += wait;
      }
      state = await runFactory(world().options({ check: red }));
    }
    expect(state.issues[1]?.phase).toBe('human');
    expect(readFileSync(`${world().script}.count`, 'utf8')).toBe('3');
    expect(waits).toEqual([10, 20]);
    expect(commentsOn(1)).toHaveLength(1);
    expect(commentsOn(1)[0]?.body).toContain('3 turns in a row ended with `harness check` red');
    expect(world().git(world().origin, 'branch', '--list')).not.toContain('harness/issue-1');
  });
});
