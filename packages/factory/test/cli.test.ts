// End to end: the built `harness` bin with a clean environment against the
// stand-in, a real origin and the scripted agent: the dry-run plan, one pass,
// status, the lock, and a real `kill -9` of a running loop.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPull, pullsOf } from 'agent-harness-github-standin';
import { beforeEach, describe, expect, it } from 'vitest';
import { agentsDir, useWorld } from './factory-fixture.js';

const harnessBin = join(import.meta.dirname, '..', '..', 'harness', 'bin', 'harness.js');

const world = useWorld();

beforeEach(() => {
  const agent = `"${process.execPath}" "${join(agentsDir, 'scripted.mjs')}"`;
  writeFileSync(
    join(world().root, 'harness.config.yaml'),
    `version: 1\nfactory:\n  labels: [agent-ready]\n  agent: '${agent}'\n`,
  );
});

function env(): Record<string, string> {
  return { ...world().env, HOME: world().root, NO_COLOR: '1', GITHUB_REPOSITORY: 'octo/app' };
}

function harness(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [harnessBin, ...args], { cwd: world().root, env: env() }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** Running, not a zombie: in a container nobody may reap an orphan. */
function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

const line = (o: Record<string, unknown>) => JSON.stringify(o);

describe('harness factory', () => {
  it('--dry-run --format json prints the plan and writes nothing anywhere', async () => {
    world().addIssue({ title: 'Second', body: 'Depends on #2' });
    world().addIssue({ title: 'First' });
    world().addIssue({ title: 'Blocked', body: 'blocked by #5' });
    world().addIssue({ title: 'Outside', labels: [] });
    world().addIssue({ title: 'Open blocker, not labelled', labels: [] });
    const result = await harness(['factory', '--dry-run', '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      plan: [
        { issue: 2, title: 'First', after: [] },
        { issue: 1, title: 'Second', after: [2] },
      ],
      waiting: [{ issue: 3, blockedBy: [5] }],
      cycles: [],
    });
    expect(world().standin.writes()).toEqual([]);
    expect(existsSync(join(world().root, '.harness'))).toBe(false);
    expect(world().git(world().root, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('--once opens the PR; status shows it; a second loop is refused with exit 2', async () => {
    world().addIssue({ title: 'Greet' });
    world().script_([
      { write: { 'hi.txt': 'hi\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 600, tokens: 42 })] },
    ]);
    const once = await harness(['factory', '--once']);
    expect(once.code).toBe(0);
    expect(once.stderr).toContain('#1 pr');
    expect(once.stdout).toMatch(/#1 +pr-open +#2 +2 +42 +sleep +Greet/);
    const status = JSON.parse((await harness(['factory', 'status', '--json'])).stdout) as {
      issues: unknown[];
      running: unknown;
    };
    expect(status).toMatchObject({
      version: 1,
      running: null,
      issues: [{ issue: 1, phase: 'pr-open', pr: 2, turns: 2, tokens: 42, lastOutcome: 'sleep' }],
    });

    writeFileSync(
      join(world().root, '.harness', 'factory', 'lock'),
      JSON.stringify({
        pid: process.pid,
        host: (await import('node:os')).hostname(),
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const second = await harness(['factory', '--once']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another factory loop is running here: pid ${process.pid}`);
  });

  it('factory merge refuses with the reasons and exit 1 while a required check is missing', async () => {
    world().standin.state.addRuleset('octo/app', {
      name: 'main',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      rules: [
        {
          type: 'required_status_checks',
          parameters: { required_status_checks: [{ context: 'ci' }], strict_required_status_checks_policy: false },
        },
      ],
    });
    world().git(world().root, 'push', '--quiet', 'origin', 'HEAD:refs/heads/feature');
    const pull = addPull(world().repo, { title: 'Feature', body: null, head: 'feature', base: 'main' });
    const result = await harness(['factory', 'merge', String(pull.issue.number)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Not merging PR #${pull.issue.number}:\n  - required check "ci" has not reported on`,
    );
    expect(world().standin.writes()).toEqual([]);
    expect((await harness(['factory', 'merge', 'abc'])).code).toBe(2);
  });

  it('survives kill -9 while the agent runs: the orphaned agent is stopped and exactly one PR is opened', async () => {
    world().addIssue({ title: 'Survive' });
    world().script_([
      { print: ['working'], stall: true },
      { write: { 's.txt': 's\n' }, print: [line({ outcome: 'continue' })] },
      { print: [line({ outcome: 'sleep', seconds: 600 })] },
    ]);
    const loop = spawn(process.execPath, [harnessBin, 'factory', '--status-port', '0'], {
      cwd: world().root,
      env: env(),
      stdio: 'ignore',
    });
    const stateFile = join(world().root, '.harness', 'factory', 'state.json');
    let agentPid: number | undefined;
    for (let i = 0; i < 200 && agentPid === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(stateFile))
        agentPid = (JSON.parse(readFileSync(stateFile, 'utf8')) as { issues: Record<string, { agentPid?: number }> })
          .issues['1']?.agentPid;
    }
    expect(agentPid).toBeGreaterThan(0);
    loop.kill('SIGKILL');
    await new Promise((r) => loop.once('exit', r));
    expect(running(agentPid ?? 0)).toBe(true);

    const again = await harness(['factory', '--once']);
    expect(again.code).toBe(0);
    expect(running(agentPid ?? 0)).toBe(false);
    expect(pullsOf(world().repo).pulls.size).toBe(1);
    expect(
      world()
        .standin.writes()
        .filter((w) => w.path.endsWith('/pulls')),
    ).toHaveLength(1);
    expect(JSON.parse((await harness(['factory', 'status', '--json'])).stdout)).toMatchObject({
      issues: [{ issue: 1, phase: 'pr-open', pr: 2 }],
    });
  });
});
