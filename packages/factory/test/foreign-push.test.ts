// Someone else pushes to the PR's branch: the loop puts the agent's work on top of the new head
// (never forcing over a person's commits), and one issue's trouble never stops the others.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { readState } from '../src/factory-state.js';
import { runFactory } from '../src/run-factory.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);

/** A person clones origin, commits `file` on the PR's branch and pushes. Returns their commit. */
function personPushes(file: string, content: string): string {
  const clone = mkdtempSync(join(tmpdir(), 'factory-person-'));
  try {
    world().git(clone, 'clone', '--quiet', '--branch', 'harness/issue-1', world().origin, '.');
    writeFileSync(join(clone, file), content);
    world().git(clone, 'add', file);
    world().git(clone, '-c', 'user.name=p', '-c', 'user.email=p@p', 'commit', '--quiet', '-m', `person: ${file}`);
    world().git(clone, 'push', '--quiet', 'origin', 'HEAD:harness/issue-1');
    return world().git(clone, 'rev-parse', 'HEAD');
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

const tipOf = () => world().git(world().origin, 'rev-parse', 'harness/issue-1');
const isAncestor = (a: string, b: string) => {
  try {
    world().git(world().origin, 'merge-base', '--is-ancestor', a, b);
    return true;
  } catch {
    return false;
  }
};

describe('a push by someone else to the PR branch', () => {
  it("puts the agent's new commit on top of the person's, without forcing", async () => {
    world().addIssue({ title: 'Shared branch' });
    world().script_([
      { write: { 'x.txt': 'x\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 120 })] },
      { write: { 'y.txt': 'y\n' }, print: [line({ outcome: 'sleep', seconds: 120 })] },
    ]);
    await runFactory(world().options());
    const theirs = personPushes('person.txt', 'mine\n');
    world().clock.offsetMs += 121_000;
    const state = await runFactory(world().options());
    expect(state.issues[1]).toMatchObject({ phase: 'pr-open', lastOutcome: 'sleep' });
    expect(isAncestor(theirs, tipOf())).toBe(true);
    expect(world().git(world().origin, 'show', 'harness/issue-1:y.txt')).toBe('y');
    expect(world().git(world().origin, 'show', 'harness/issue-1:person.txt')).toBe('mine');
  });

  it('leaves commits that conflict with the person’s unpushed, tells the agent, and keeps their head', async () => {
    world().addIssue({ title: 'Conflict' });
    world().script_([
      { write: { 'x.txt': 'x\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 120 })] },
      // This commit stays local: the gate is red for it.
      { write: { 'x.txt': 'agent\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 120 })] },
    ]);
    await runFactory(world().options());
    const head = tipOf();
    pullsOf(world().repo).statuses.push({ id: 1, sha: head, context: 'ci', state: 'success', description: null });
    world().clock.offsetMs += 121_000;
    const red = () => Promise.resolve({ ok: false, report: 'docs: x.txt is wrong' });
    expect((await runFactory(world().options({ check: red }))).issues[1]).toMatchObject({ lastOutcome: 'red' });
    const theirs = personPushes('x.txt', 'person\n');
    world().clock.offsetMs += 11_000;
    const state = await runFactory(world().options());
    expect(tipOf()).toBe(theirs);
    expect(state.issues[1]).toMatchObject({ phase: 'pr-open', lastOutcome: 'failed' });
    expect(state.issues[1]?.lastReason).toMatch(/someone else pushed[\s\S]*conflicts in x\.txt/);
    expect(readFileSync(`${world().script}.prompt-4`, 'utf8')).toContain('git rebase origin/harness/issue-1');
  });

  it("one issue's trouble does not stop the others: it is retried later, visibly", async () => {
    world().addIssue({ title: 'Trouble' });
    world().addIssue({ title: 'Fine' });
    world().script_([
      {
        write: { 'a.txt': 'a\n' },
        print: [line({ outcome: 'continue' })],
        onPr: { print: [line({ outcome: 'sleep', seconds: 600 })] },
      },
    ]);
    const options = world().options({ concurrency: 2 });
    const real = options.git;
    options.git = {
      ...real,
      push: (cwd, branch) =>
        branch === 'harness/issue-1'
          ? Promise.reject(new HarnessError('GIT_FAILED', 'git push: rejected (non-fast-forward)', {}))
          : real.push(cwd, branch),
    };
    const state = await runFactory(options);
    expect(state.issues[2]).toMatchObject({ phase: 'pr-open' });
    expect(state.issues[1]?.phase).not.toBe('pr-open');
    expect(state.issues[1]?.lastReason).toContain('non-fast-forward');
    expect(state.issues[1]?.nextWakeAt).toBeDefined();
    expect(readState(world().root).issues[1]?.lastOutcome).toBe('error');
  });

  it('after three refused steps in a row, a person is asked, once', async () => {
    world().addIssue({ title: 'Always refused' });
    world().script_([{ write: { 'a.txt': 'a\n' }, print: [line({ outcome: 'continue' })] }]);
    const refusing = () => {
      const options = world().options();
      const real = options.git;
      options.git = {
        ...real,
        push: () => Promise.reject(new HarnessError('GIT_FAILED', 'git push: rejected (non-fast-forward)', {})),
      };
      return options;
    };
    let state = await runFactory(refusing());
    for (let pass = 0; pass < 5 && state.issues[1]?.phase !== 'human'; pass += 1) {
      world().clock.offsetMs += 301_000;
      state = await runFactory(refusing());
    }
    expect(state.issues[1]?.phase).toBe('human');
    expect(readState(world().root).issues[1]?.troubles).toBe(3);
    const comments = issuesOf(world().repo).issues.get(1)?.comments ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('3 attempts in a row failed');
    expect(issuesOf(world().repo).issues.get(1)?.labels).toContain('harness:human');
  });
});
