// A loop killed between any two side effects and started again makes no duplicate
// PR, comment or label. The kill is simulated exactly where it hurts: right after a
// real write (git push, PR create, comment, label, an agent run) returns and
// before the loop records it; the state on disk is whatever was saved before, and
// the dead loop's lock is left behind, as after `kill -9`.
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { readState, stateDir } from '../src/factory-state.js';
import { runFactory } from '../src/run-factory.js';
import type { RunFactoryOptions } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

class Killed extends Error {}

/** The same adapter, but the loop "dies" right after the named call returns. */
function dieAfter<T extends object>(target: T, method: keyof T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (key !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        throw new Killed(`killed after ${String(key)}`);
      };
    },
  });
}

async function killedRun(options: RunFactoryOptions): Promise<void> {
  await expect(runFactory(options)).rejects.toBeInstanceOf(Killed);
  // kill -9 releases nothing: leave a dead holder's lock behind.
  writeFileSync(
    join(stateDir(world().root), 'lock'),
    JSON.stringify({ pid: 2 ** 22 + 3, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
  );
}

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const postsTo = (suffix: string) =>
  world()
    .standin.writes()
    .filter((w) => w.method === 'POST' && w.path.endsWith(suffix)).length;

describe('crash recovery', () => {
  const cases: { phase: string; kill: (o: RunFactoryOptions) => RunFactoryOptions }[] = [
    { phase: 'the worktree is made', kill: (o) => ({ ...o, git: dieAfter(o.git, 'prepareWorktree') }) },
    {
      phase: 'the agent ran, nothing committed',
      kill: (o) => ({ ...o, runAgent: dieAfter({ run: o.runAgent }, 'run').run }),
    },
    { phase: 'the branch is pushed', kill: (o) => ({ ...o, git: dieAfter(o.git, 'push') }) },
    { phase: 'the PR is created', kill: (o) => ({ ...o, pulls: dieAfter(o.pulls, 'createPull') }) },
  ];
  for (const { phase, kill } of cases) {
    it(`opens exactly one PR when killed after ${phase}`, async () => {
      world().addIssue({ title: 'Crash me' });
      world().script_([
        { write: { 'x.txt': 'x\n' }, print: [line({ outcome: 'continue' })] },
        { print: [line({ outcome: 'sleep', seconds: 300 })] },
      ]);
      await killedRun(kill(world().options()));
      const state = await runFactory(world().options());
      expect(state.issues[1]).toMatchObject({ phase: 'pr-open', pr: 2 });
      expect(postsTo('/pulls')).toBe(1);
      expect(pullsOf(world().repo).pulls.size).toBe(1);
      expect(world().git(world().origin, 'show', 'harness/issue-1:x.txt')).toBe('x');
      expect(readState(world().root).issues[1]?.pendingAction).toBeUndefined();
    });
  }

  for (const method of ['comment', 'addLabel'] as const) {
    it(`posts one comment and one label when killed after ${method} during a hand-over`, async () => {
      world().addIssue({ title: 'Needs a person' });
      world().script_([
        { write: { 'x.txt': 'x\n' }, print: [line({ outcome: 'continue' })] },
        { print: [line({ outcome: 'human', comment: 'Which database?' })] },
      ]);
      const options = world().options();
      await killedRun({ ...options, pulls: dieAfter(options.pulls, method) });
      const state = await runFactory(world().options());
      await runFactory(world().options());
      expect(state.issues[1]?.phase).toBe('human');
      const comments = issuesOf(world().repo).issues.get(2)?.comments ?? [];
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toMatch(/^Which database\?\n\n<!-- harness-factory issue=1 turn=\d+ -->$/);
      expect(postsTo('/labels')).toBe(1);
      expect(issuesOf(world().repo).issues.get(2)?.labels).toEqual(['harness:human']);
    });
  }

  it('runs a PR turn again when the loop was killed after the agent ran and before its outcome was recorded', async () => {
    world().addIssue({ title: 'Wake me' });
    world().script_([
      { write: { 'x.txt': 'x\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 120 })] },
      // The turn the kill cuts short: its answer is never recorded.
      { print: [line({ outcome: 'sleep', seconds: 120 })] },
      { merge: true, print: [line({ outcome: 'merged' })] },
    ]);
    await runFactory(world().options());
    expect(readState(world().root).issues[1]).toMatchObject({ phase: 'pr-open', lastOutcome: 'sleep' });
    // CI turns green: the change that wakes the agent.
    pullsOf(world().repo).statuses.push({
      id: 1,
      sha: world().git(world().origin, 'rev-parse', 'harness/issue-1'),
      context: 'ci',
      state: 'success',
      description: null,
    });
    world().clock.offsetMs += 121_000;
    const options = world().options();
    await killedRun({ ...options, runAgent: dieAfter({ run: options.runAgent }, 'run').run });
    world().clock.offsetMs += 121_000;
    const state = await runFactory(world().options());
    expect(state.issues[1]?.phase).toBe('merged');
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(true);
  });
});
