// The guarded merge against the stand-in: required checks from the branch's
// rulesets, mergeability, review threads, the head SHA as a guard, and the merge
// queue. Review threads come from GraphQL, which the REST stand-in does not
// serve: those tests hand the gateway the threads directly.
import { addPull, protectBranch, pullsOf } from 'agent-harness-github-standin';
import type { StoredPull } from 'agent-harness-github-standin';
import { createGithubClient } from 'agent-harness-github';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergePull } from '../src/merge-pull.js';
import type { PullGateway } from '../src/pull-gateway.js';
import { githubPullGateway } from '../src/pull-gateway.js';
import { useWorld } from './factory-fixture.js';

const world = useWorld();
let pull: StoredPull;
let head: string;

function gateway(threads: { resolved: boolean; outdated: boolean; path: string }[] = []): PullGateway {
  const real = githubPullGateway(
    createGithubClient({ env: world().env, repository: { owner: 'octo', repo: 'app' }, waitUnitMs: 1 }),
  );
  return { ...real, reviewThreads: () => Promise.resolve(threads) };
}

function requireChecks(rules: Record<string, unknown>[]): void {
  world().standin.state.addRuleset('octo/app', {
    name: 'main',
    target: 'branch',
    enforcement: 'active',
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    rules,
  });
}

const ciRule = {
  type: 'required_status_checks',
  parameters: { required_status_checks: [{ context: 'ci' }], strict_required_status_checks_policy: false },
};
const status = (state: 'success' | 'failure', sha = head) =>
  pullsOf(world().repo).statuses.push({
    id: pullsOf(world().repo).statuses.length + 1,
    sha,
    context: 'ci',
    state,
    description: null,
  });
const merges = () =>
  world()
    .standin.writes()
    .filter((w) => w.method === 'PUT');

beforeEach(() => {
  const { git, root, repo } = world();
  git(root, 'checkout', '--quiet', '-b', 'feature');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'feature');
  git(root, 'push', '--quiet', 'origin', 'feature');
  head = git(root, 'rev-parse', 'HEAD');
  pull = addPull(repo, { title: 'Feature', body: null, head: 'feature', base: 'main' });
});

describe('mergePull', () => {
  it('refuses while a required check is missing or red, GitHub says unmergeable, or a thread is open', async () => {
    requireChecks([ciRule]);
    pull.mergeableState = 'dirty';
    const missing = await mergePull(gateway(), pull.issue.number, 'main');
    expect(missing).toEqual({
      ok: false,
      reasons: [
        `required check "ci" has not reported on ${head.slice(0, 7)}`,
        'GitHub does not call it mergeable (mergeable false, state dirty)',
      ],
    });
    status('failure');
    pull.mergeableState = 'clean';
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toEqual({
      ok: false,
      reasons: [`required check "ci" is failure on ${head.slice(0, 7)}`],
    });
    status('success', 'f'.repeat(40));
    expect((await mergePull(gateway(), pull.issue.number, 'main')).ok).toBe(false);
    status('success');
    const threads = [
      { resolved: false, outdated: true, path: 'src/a.ts' },
      { resolved: true, outdated: false, path: 'src/b.ts' },
    ];
    expect(await mergePull(gateway(threads), pull.issue.number, 'main')).toEqual({
      ok: false,
      reasons: ['1 review thread(s) unresolved: src/a.ts'],
    });
    expect(merges()).toEqual([]);
  });

  it('merges when everything is green, guarded by the head SHA it checked', async () => {
    requireChecks([ciRule]);
    status('success');
    expect(
      await mergePull(gateway([{ resolved: true, outdated: false, path: 'a' }]), pull.issue.number, 'main'),
    ).toEqual({ ok: true, action: 'merged', sha: head });
    expect(pull.merged).toBe(true);
    expect(merges()).toMatchObject([{ path: `/repos/octo/app/pulls/${pull.issue.number}/merge`, body: { sha: head } }]);
  });

  it('queues instead of merging when the branch requires a merge queue', async () => {
    requireChecks([
      ciRule,
      {
        type: 'merge_queue',
        parameters: {
          check_response_timeout_minutes: 60,
          grouping_strategy: 'ALLGREEN',
          max_entries_to_build: 5,
          max_entries_to_merge: 5,
          merge_method: 'SQUASH',
          min_entries_to_merge: 1,
          min_entries_to_merge_wait_minutes: 5,
        },
      },
    ]);
    status('success');
    pull.mergeableState = 'blocked';
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toEqual({ ok: true, action: 'queued', sha: head });
    expect(pull.queued).toBe(true);
    expect(pull.merged).toBe(false);
    expect(merges()).toMatchObject([
      {
        path: `/repos/octo/app/pulls/${pull.issue.number}/merge-async`,
        body: { sha: head, merge_action: 'merge_queue' },
      },
    ]);
  });

  it('without a ruleset or branch protection, refuses a red or missing check: every reported check must be green', async () => {
    const empty = await mergePull(gateway(), pull.issue.number, 'main');
    expect(empty).toEqual({
      ok: false,
      reasons: [`no check has reported on ${head.slice(0, 7)} yet, and the branch names no required check`],
    });
    status('failure');
    pullsOf(world().repo).checkRuns.push({
      id: 9,
      name: 'lint',
      headSha: head,
      status: 'completed',
      conclusion: 'success',
      summary: '',
    });
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toEqual({
      ok: false,
      reasons: [`check "ci" is failure on ${head.slice(0, 7)}`],
    });
    expect(merges()).toEqual([]);
    status('success');
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toMatchObject({ ok: true, action: 'merged' });
  });

  it('reads required checks from classic branch protection', async () => {
    protectBranch(world().repo, 'main', { contexts: ['ci'] });
    pullsOf(world().repo).checkRuns.push({
      id: 9,
      name: 'lint',
      headSha: head,
      status: 'completed',
      conclusion: 'failure',
      summary: '',
    });
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toEqual({
      ok: false,
      reasons: [`required check "ci" has not reported on ${head.slice(0, 7)}`],
    });
    status('success');
    // A check the protection does not require may fail, as on GitHub.
    expect(await mergePull(gateway(), pull.issue.number, 'main')).toMatchObject({ ok: true, action: 'merged' });
  });
});
