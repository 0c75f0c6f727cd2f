// Dispatch mode end to end against the stand-in: agent turns run as workflow_dispatch runs that
// the stand-in executes here (`harness factory turn` in a fresh clone of origin), two loops with
// their own clones and state share one repository through leases, and a loop killed mid-turn
// leaves a lease that expires and is taken over, while its stale job pushes nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FactoryConfig } from 'agent-harness-config';
import { createGithubClient } from 'agent-harness-github';
import { addWorkflow, gitDataOf, issuesOf, pullsOf, workflowsOf } from 'agent-harness-github-standin';
import type { StoredWorkflowRun } from 'agent-harness-github-standin';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { dispatchMode } from '../src/dispatch-mode.js';
import { runFactoryTurn } from '../src/factory-turn.js';
import { createGitAdapter } from '../src/git-adapter.js';
import { githubLeaseStore } from '../src/lease.js';
import { leasedLabel } from '../src/lease-keeper.js';
import { githubPullGateway } from '../src/pull-gateway.js';
import type { RunFactoryOptions } from '../src/run-factory.js';
import { runFactory } from '../src/run-factory.js';
import { runAgent } from '../src/run-agent.js';
import { agentsDir, useWorld, git } from './factory-fixture.js';

let scratch: string;

// Workflow runs still under way make requests: they finish before the stand-in's contract check.
const world = useWorld({
  beforeClose: async ({ repo }) => {
    await Promise.all(workflowsOf(repo).pending);
  },
});

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'factory-dispatch-'));
  onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
  world().env.FACTORY_TURNS = join(scratch, 'turns.jsonl');
});

const client = () =>
  createGithubClient({ env: world().env, repository: { owner: 'octo', repo: 'app' }, waitUnitMs: 1 });

const config = (): Partial<FactoryConfig> => ({
  agent: `"${process.execPath}" "${join(agentsDir, 'issue-writer.mjs')}"`,
  mode: 'dispatch',
  dispatch: { workflow: 'harness-factory-turn.yml', leaseMinutes: 15, pollSeconds: 0.01 },
});

/** A finished agent turn on a runner: which issue, for which lease holder. */
interface JobTurn {
  issue: number;
  lease: string;
}

/** The runner: `harness factory turn` (its library call) in a fresh clone of origin; `before` may hold a run back. */
function useRunner(turns: JobTurn[], before?: (run: StoredWorkflowRun) => Promise<void>): void {
  addWorkflow(world().repo, 'harness-factory-turn.yml', {
    inputs: ['issue', 'attempt', 'lease'],
    runner: async (run) => {
      await before?.(run);
      const checkout = mkdtempSync(join(scratch, 'runner-'));
      try {
        git(scratch, 'clone', '--quiet', world().origin, checkout);
        const github = client();
        await runFactoryTurn({
          root: checkout,
          config: { ...world().options().config, ...config() },
          env: world().env,
          client: github,
          leases: githubLeaseStore(github),
          git: createGitAdapter(),
          runAgent,
          issue: Number(run.inputs.issue),
          attempt: run.inputs.attempt ?? '',
          lease: run.inputs.lease ?? '',
          now: world().clock.now,
        });
        turns.push({ issue: Number(run.inputs.issue), lease: run.inputs.lease ?? '' });
        return 'success';
      } finally {
        rmSync(checkout, { recursive: true, force: true });
      }
    },
  });
}

/** CI stand-in: every head the loop's check gate passes gets a green `ci` status (the guarded merge needs one). */
const greenCheck = (worktree: string) => {
  const statuses = pullsOf(world().repo).statuses;
  statuses.push({
    id: statuses.length + 1,
    sha: git(worktree, 'rev-parse', 'HEAD'),
    context: 'ci',
    state: 'success',
    description: null,
  });
  return Promise.resolve({ ok: true, report: 'green' });
};

/** One loop: its own clone of origin (its own state folder), its own holder name. */
function loop(holder: string, sleep?: (ms: number) => Promise<void>): RunFactoryOptions {
  const root = join(scratch, holder);
  git(scratch, 'clone', '--quiet', world().origin, root);
  const github = client();
  const base = world().options({ config: config() });
  const mode = dispatchMode({
    root,
    config: base.config,
    client: github,
    pulls: githubPullGateway(github),
    now: world().clock.now,
    holder,
    ...(sleep === undefined ? {} : { sleep }),
  });
  return { ...base, root, ...mode, check: greenCheck, once: true };
}

/** The issue's PR is merged (the stand-in does not close issues a PR names; GitHub would). */
const closed = (issue: number) =>
  [...pullsOf(world().repo).pulls.values()].some((p) => p.head === `harness/issue-${issue}` && p.merged);

async function passes(options: RunFactoryOptions, issues: number[], most = 10): Promise<void> {
  for (let pass = 0; pass < most && !issues.every(closed); pass += 1) await runFactory(options);
}

describe('dispatch mode', () => {
  it('two loops started at once on one repository never work the same issue, and every issue is merged', async () => {
    const turns: JobTurn[] = [];
    useRunner(turns);
    const issues = [1, 2, 3].map((n) => world().addIssue({ title: `Issue ${n}`, body: `Do ${n}.` }));
    const [a, b] = [loop('loop-a'), loop('loop-b')];
    await Promise.all([passes(a, issues), passes(b, issues)]);

    for (const issue of issues) {
      expect(closed(issue)).toBe(true);
      const prs = [...pullsOf(world().repo).pulls.values()].filter((p) => p.head === `harness/issue-${issue}`);
      expect(prs.map((p) => p.merged)).toEqual([true]);
      expect(git(world().origin, 'show', `harness/issue-${issue}:issue-${issue}.txt`)).toBe(`work for #${issue}`);
    }
    // Every dispatched run, and every agent turn, of an issue came from one lease holder.
    const runs = workflowsOf(world().repo).runs;
    for (const issue of issues) {
      expect(new Set(runs.filter((r) => r.inputs.issue === String(issue)).map((r) => r.inputs.lease)).size).toBe(1);
      expect(new Set(turns.filter((t) => t.issue === issue).map((t) => t.lease)).size).toBe(1);
      expect(turns.filter((t) => t.issue === issue)).toHaveLength(2);
    }
    expect(runs.every((r) => r.conclusion === 'success')).toBe(true);
    // Leases released, labels gone; the agent never saw a token.
    expect([...gitDataOf(world().repo).refs.keys()].filter((r) => r.startsWith('refs/harness/lease/'))).toEqual([]);
    for (const issue of issues) expect(issuesOf(world().repo).issues.get(issue)?.labels).not.toContain(leasedLabel);
    const seen = readFileSync(world().env.FACTORY_TURNS ?? '', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { tokens: string[] });
    expect(seen.flatMap((s) => s.tokens)).toEqual([]);
  }, 400_000);

  it('a loop killed mid-turn leaves a lease that expires and is taken over; its stale job pushes nothing', async () => {
    const turns: JobTurn[] = [];
    let releaseStale = () => {};
    const staleMayRun = new Promise<void>((resolve) => (releaseStale = resolve));
    let staleDone = () => {};
    const staleFinished = new Promise<void>((resolve) => (staleDone = resolve));
    useRunner(turns, async (run) => {
      if (run.inputs.lease === 'loop-a') {
        await staleMayRun;
        queueMicrotask(staleDone);
        return;
      }
      // The new holder's first run lets the dead loop's job go first, and waits for it to end.
      releaseStale();
      await staleFinished;
    });
    const issue = world().addIssue({ title: 'Only one', body: 'Do it.' });
    const killed = () => Promise.reject(new Error('killed mid-turn'));
    await expect(runFactory(loop('loop-a', killed))).rejects.toThrow('killed mid-turn');
    expect(workflowsOf(world().repo).runs.map((r) => r.inputs.lease)).toEqual(['loop-a']);

    const b = loop('loop-b');
    await runFactory(b);
    expect(workflowsOf(world().repo).runs).toHaveLength(1);
    expect((await githubLeaseStore(client()).read(issue))?.holder).toBe('loop-a');

    world().clock.offsetMs += 16 * 60_000;
    await passes(b, [issue]);
    expect(closed(issue)).toBe(true);
    const runs = workflowsOf(world().repo).runs;
    expect(runs[0]).toMatchObject({ inputs: { lease: 'loop-a' }, conclusion: 'failure' });
    expect(runs.slice(1).every((r) => r.inputs.lease === 'loop-b' && r.conclusion === 'success')).toBe(true);
    expect(turns.map((t) => t.lease)).toEqual(['loop-b', 'loop-b']);
    const events = readFileSync(join(b.root, '.harness', 'factory', 'events.jsonl'), 'utf8');
    expect(events).toContain('"event":"lease-taken-over"');
    expect(events).toContain('"from":"loop-a"');
  }, 200_000);
});
