// The merge socket wired into the turn (docs/factory.md "Merging"): the agent holds no GitHub
// token and merges with the built `harness factory merge`, which asks the loop over the socket the
// loop opened for that turn; the loop merges only the turn's own PR, with its guarded merge and
// its own token, never a head the guard handed to a person, and the socket is gone when the turn ends.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { addPull, issuesOf, pullsOf } from 'agent-harness-github-standin';
import { describe, expect, it } from 'vitest';
import { gateResult } from '../src/check-gate.js';
import { askLoopToMerge } from '../src/merge-socket.js';
import { runFactory } from '../src/run-factory.js';
import { mergeSocketPlace } from '../src/turn-socket.js';
import { useWorld } from './factory-fixture.js';

const harnessBin = join(import.meta.dirname, '..', '..', 'harness', 'bin', 'harness.js');

const world = useWorld();

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const head = () => world().git(world().origin, 'rev-parse', 'harness/issue-1');
const greenCi = () =>
  pullsOf(world().repo).statuses.push({ id: 1, sha: head(), context: 'ci', state: 'success', description: null });
const mergeAnswer = (run: number) =>
  JSON.parse(readFileSync(`${world().script}.merge-${run}`, 'utf8')) as {
    code: number;
    stdout: string;
    stderr: string;
  };
const seenEnv = (run: number) =>
  JSON.parse(readFileSync(`${world().script}.env-${run}`, 'utf8')) as {
    HARNESS_FACTORY_SOCKET?: string;
    tokens: string[];
  };

/** An issue with its PR (#2) open and the agent asleep: the third run is the PR turn under test. */
async function openPr(third: Record<string, unknown>): Promise<void> {
  world().addIssue({ title: 'Greet' });
  world().script_([
    { write: { 'hi.txt': 'hi\n' }, print: [line({ outcome: 'continue' })] },
    { print: [line({ outcome: 'sleep', seconds: 60 })] },
    third,
  ]);
  await runFactory(world().options());
  expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(false);
}

describe('the merge socket of a turn', () => {
  it('merges the turn’s PR for an agent that sees no token, and is gone when the turn ends', async () => {
    await openPr({ merge: true, print: [line({ outcome: 'merged' })] });
    greenCi();
    world().clock.offsetMs += 61_000;
    const state = await runFactory(world().options());
    expect(state.issues[1]?.phase).toBe('merged');
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(true);
    const answer = mergeAnswer(3);
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout)).toMatchObject({ version: 1, pr: 2, ok: true, action: 'merged', sha: head() });
    // The loop merged with its own token and the checked head as the guard.
    const merges = world()
      .standin.writes()
      .filter((w) => w.path.endsWith('/pulls/2/merge'));
    expect(merges).toHaveLength(1);
    for (const run of [1, 2, 3]) {
      const seen = seenEnv(run);
      expect(seen.tokens).toEqual([]);
      expect(seen.HARNESS_FACTORY_SOCKET).toBe(mergeSocketPlace(world().root, 1).path);
      expect(existsSync(seen.HARNESS_FACTORY_SOCKET ?? '')).toBe(false);
    }
  });

  it('refuses any other PR than the turn’s own', async () => {
    await openPr({ merge: 3, print: [line({ outcome: 'sleep', seconds: 60 })] });
    world().git(world().root, 'push', '--quiet', 'origin', 'HEAD:refs/heads/feature');
    const other = addPull(world().repo, { title: 'Feature', body: null, head: 'feature', base: 'main' });
    expect(other.issue.number).toBe(3);
    pullsOf(world().repo).statuses.push({
      id: 2,
      sha: world().git(world().origin, 'rev-parse', 'feature'),
      context: 'ci',
      state: 'success',
      description: null,
    });
    greenCi();
    world().clock.offsetMs += 61_000;
    await runFactory(world().options());
    const answer = mergeAnswer(3);
    expect(answer.code).toBe(1);
    expect(JSON.parse(answer.stdout)).toEqual({
      version: 1,
      pr: 3,
      ok: false,
      reasons: ['this turn works on PR #2, not #3'],
    });
    expect(other.merged).toBe(false);
    expect(
      world()
        .standin.writes()
        .filter((w) => w.path.includes('/merge')),
    ).toEqual([]);
  });

  it('never merges a head the guard handed to a person, even after the label is taken off', async () => {
    const loosened: ResultDocument = {
      version: 1,
      ok: false,
      checks: [{ name: 'guard', ok: false, durationMs: 1 }],
      diagnostics: [
        {
          check: 'guard',
          rule: 'guard/loosened',
          severity: 'error',
          file: 'harness.config.yaml',
          line: 1,
          message: 'rules: layers/forward-only turned from error to off',
          fix: 'Ask a code owner to approve.',
          docs: 'docs/guard.md#guard-loosened',
        },
      ],
    };
    const check = () => Promise.resolve(gateResult(loosened, 'guard/loosened'));
    world().addIssue({ title: 'Quiet the linter' });
    world().script_([
      { write: { 'harness.config.yaml': 'version: 1\nrules: {}\n' }, print: [line({ outcome: 'continue' })] },
      { merge: true, print: [line({ outcome: 'sleep', seconds: 60 })] },
    ]);
    let state = await runFactory(world().options({ check }));
    expect(state.issues[1]).toMatchObject({ phase: 'human', pr: 2 });
    // A person takes the label off without a code owner's approval; CI is green.
    const pr = issuesOf(world().repo).issues.get(2);
    if (pr !== undefined) pr.labels = [];
    greenCi();
    state = await runFactory(world().options({ check }));
    const answer = mergeAnswer(2);
    expect(answer.code).toBe(1);
    expect(JSON.parse(answer.stdout)).toMatchObject({ ok: false, reasons: [expect.stringContaining('guard')] });
    expect(pullsOf(world().repo).pulls.get(2)?.merged).toBe(false);
    expect(state.issues[1]?.phase).toBe('pr-open');
  });

  it('is closed when the agent run throws, and is not reachable afterwards', async () => {
    world().addIssue({ title: 'Greet' });
    let socket = '';
    let during: unknown;
    await runFactory(
      world().options({
        runAgent: async (options) => {
          socket = options.env.HARNESS_FACTORY_SOCKET ?? '';
          during = await askLoopToMerge(socket, 2);
          throw new HarnessError('IO_FAILED', 'the agent could not start', { fix: 'none' });
        },
      }),
    );
    expect(during).toEqual({ ok: false, reasons: ['this turn works on no PR yet, not #2'] });
    expect(socket).not.toBe('');
    expect(existsSync(socket)).toBe(false);
    await expect(askLoopToMerge(socket, 2)).rejects.toMatchObject({ code: 'IO_FAILED' });
  });

  it('harness factory merge with a socket nobody answers exits 2 naming the socket and the fix', async () => {
    const socket = join(world().root, 'no-loop.sock');
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [harnessBin, 'factory', 'merge', '2'],
        { cwd: world().root, env: { PATH: process.env.PATH ?? '', HARNESS_FACTORY_SOCKET: socket, NO_COLOR: '1' } },
        (error, _stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(socket);
    expect(result.stderr).toContain('HARNESS_FACTORY_SOCKET');
    expect(world().standin.writes()).toEqual([]);
  });
});
