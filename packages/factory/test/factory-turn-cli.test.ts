// End to end: the built `harness factory turn`, as the dispatch workflow runs it in a runner's
// fresh checkout: with the lease held by the loop that dispatched it, one agent turn, its work and
// answer pushed to refs/harness/turn/issue-N; with the lease someone else's, exit 2 and no push.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGithubClient } from 'agent-harness-github';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { githubLeaseStore } from '../src/lease.js';
import { pushPrompt, turnRef } from '../src/turn-ref.js';
import { agentsDir, useWorld, git } from './factory-fixture.js';

const harnessBin = join(import.meta.dirname, '..', '..', 'harness', 'bin', 'harness.js');
let checkout: string;

const world = useWorld();

beforeEach(() => {
  const { root, origin } = world();
  const agent = `"${process.execPath}" "${join(agentsDir, 'issue-writer.mjs')}"`;
  writeFileSync(join(root, 'harness.config.yaml'), `version: 1\nfactory:\n  agent: '${agent}'\n`);
  git(root, 'add', 'harness.config.yaml');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'factory config');
  git(root, 'push', '--quiet', 'origin', 'HEAD:main');
  const runner = mkdtempSync(join(tmpdir(), 'factory-runner-'));
  onTestFinished(() => rmSync(runner, { recursive: true, force: true }));
  checkout = join(runner, 'checkout');
  git(runner, 'clone', '--quiet', origin, checkout);
});

function harness(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...world().env, HOME: checkout, NO_COLOR: '1', GITHUB_REPOSITORY: 'octo/app' };
  return new Promise((resolve) => {
    execFile(process.execPath, [harnessBin, ...args], { cwd: checkout, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function dispatched(issue: number, holder: string): Promise<void> {
  const client = createGithubClient({ env: world().env, repository: { owner: 'octo', repo: 'app' }, waitUnitMs: 1 });
  await githubLeaseStore(client).claim(issue, holder, new Date(Date.now() + 600_000), new Date());
  await pushPrompt(world().root, { issue, attempt: 'a1', prompt: 'Write the file.' });
}

describe('harness factory turn', () => {
  it('runs one turn for the lease holder and pushes the work and the answer on the turn ref', async () => {
    const issue = world().addIssue({ title: 'Write a file' });
    await dispatched(issue, 'loop-x');
    const run = await harness([
      'factory',
      'turn',
      '--issue',
      String(issue),
      '--attempt',
      'a1',
      '--lease',
      'loop-x',
      '--format',
      'json',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 1, issue, exitCode: 0 });
    const ref = turnRef(issue);
    expect(git(world().origin, 'log', '-1', '--format=%s', ref)).toBe('harness turn a1 outcome');
    expect(JSON.parse(git(world().origin, 'log', '-1', '--format=%b', ref))).toMatchObject({
      attempt: 'a1',
      exitCode: 0,
    });
    expect(git(world().origin, 'log', '-1', '--format=%s', `${ref}^`)).toBe(`Write a file (#${issue})`);
    expect(git(world().origin, 'show', `${ref}^:issue-${issue}.txt`)).toBe(`work for #${issue}`);
  });

  it('exits 2 and pushes nothing when the lease is not the dispatching loop’s', async () => {
    const issue = world().addIssue({ title: 'Write a file' });
    await dispatched(issue, 'loop-x');
    const before = git(world().origin, 'rev-parse', turnRef(issue));
    const run = await harness(['factory', 'turn', '--issue', String(issue), '--attempt', 'a1', '--lease', 'loop-y']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the lease on #${issue} is not loop-y's any more: loop-x holds it`);
    expect(git(world().origin, 'rev-parse', turnRef(issue))).toBe(before);
    const usage = await harness(['factory', 'turn', '--issue', String(issue)]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('factory turn needs --attempt');
  });
});
