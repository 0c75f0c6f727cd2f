// Leases on issues through GitHub's Git database, against the stand-in: a ref created atomically,
// a live lease skipped, an expired one taken over by a fast-forward-only update that only one of
// two racing loops wins, renewed while held, released by deleting the ref, mirrored as a label.
import { createGithubClient } from 'agent-harness-github';
import { addIssue, gitDataOf, issuesOf, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin, StandinRepository } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastForwardRef, isRefused, makeCommit, readRef } from '../src/git-refs.js';
import { githubLeaseStore, leaseRef } from '../src/lease.js';
import type { LeaseStore } from '../src/lease.js';
import { createLeaseKeeper, leasedLabel } from '../src/lease-keeper.js';
import type { LeaseKeeper } from '../src/lease-keeper.js';

let standin: GithubStandin;
let repo: StandinRepository;
const clock = { ms: Date.parse('2026-12-05T12:00:00Z'), now: () => new Date(clock.ms) };
const minutes = (n: number) => n * 60_000;

const client = () =>
  createGithubClient({
    env: { GITHUB_API_URL: standin.url, GITHUB_TOKEN: 't' },
    repository: { owner: 'octo', repo: 'app' },
    waitUnitMs: 1,
  });

function keeper(holder: string, store: LeaseStore = githubLeaseStore(client()), events: string[] = []): LeaseKeeper {
  const github = client();
  return createLeaseKeeper({
    store,
    holder,
    ttlMs: minutes(10),
    now: clock.now,
    onEvent: (issue, event) => events.push(`${holder} ${event} #${issue}`),
    labels: {
      add: async (issue) => {
        await github.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
          { issue_number: issue, labels: [leasedLabel] },
          'label',
        );
      },
      remove: async (issue) => {
        await github.request(
          'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
          { issue_number: issue, name: leasedLabel },
          'unlabel',
        );
      },
    },
  });
}

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('t');
  repo = standin.state.addRepository('octo/app');
  addIssue(repo, { title: 'one', labels: ['agent-ready'] });
  clock.ms = Date.parse('2026-12-05T12:00:00Z');
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

const labelsOf = (issue: number) => issuesOf(repo).issues.get(issue)?.labels ?? [];

describe('leases through GitHub', () => {
  it('gives a free issue to exactly one of two loops claiming it at once, and names the holder in the ref', async () => {
    const [a, b] = [keeper('loop-a'), keeper('loop-b')];
    const held = await Promise.all([a.hold(1), b.hold(1)]);
    expect(held.filter(Boolean)).toHaveLength(1);
    const winner = held[0] ? 'loop-a' : 'loop-b';
    const lease = await githubLeaseStore(client()).read(1);
    expect(lease).toMatchObject({
      issue: 1,
      holder: winner,
      expiresAt: new Date(clock.ms + minutes(10)).toISOString(),
    });
    expect(gitDataOf(repo).refs.has(leaseRef(1))).toBe(true);
    expect(labelsOf(1)).toContain(leasedLabel);
  });

  it('skips a live lease, takes over an expired one, and the old holder learns it lost it', async () => {
    const events: string[] = [];
    const a = keeper('loop-a', githubLeaseStore(client()), events);
    const b = keeper('loop-b', githubLeaseStore(client()), events);
    expect(await a.hold(1)).toBe(true);
    clock.ms += minutes(9);
    expect(await b.hold(1)).toBe(false);
    clock.ms += minutes(2);
    expect(await b.hold(1)).toBe(true);
    expect(await a.renewDue()).toEqual([1]);
    expect(events).toEqual(['loop-a leased #1', 'loop-b lease-taken-over #1', 'loop-a lease-lost #1']);
    expect((await githubLeaseStore(client()).read(1))?.holder).toBe('loop-b');
  });

  it('of two loops taking over one expired lease, only the first fast-forward wins (GitHub answers 422 to the other)', async () => {
    const github = client();
    const store = githubLeaseStore(github);
    await store.claim(1, 'dead-loop', new Date(clock.ms + minutes(1)), clock.now());
    clock.ms += minutes(2);
    const old = (await readRef(github, leaseRef(1))) ?? '';
    const mine = await makeCommit(github, { path: 'lease.json', content: 'b' }, 'holder: loop-b', [old]);
    const theirs = await makeCommit(github, { path: 'lease.json', content: 'c' }, 'holder: loop-c', [old]);
    expect(await fastForwardRef(github, leaseRef(1), mine)).toBe(true);
    const lost = await fastForwardRef(github, leaseRef(1), theirs);
    expect(isRefused(lost) && lost).toMatchObject({ status: 422, message: 'Update is not a fast forward' });

    // And through claim, both at once: one holds it, the other is told who does.
    await store.claim(2, 'dead-loop', new Date(clock.ms - 1), clock.now());
    const claims = await Promise.all([
      githubLeaseStore(client()).claim(2, 'loop-b', new Date(clock.ms + minutes(10)), clock.now()),
      githubLeaseStore(client()).claim(2, 'loop-c', new Date(clock.ms + minutes(10)), clock.now()),
    ]);
    expect(claims.filter((c) => c.held)).toHaveLength(1);
    const winner = claims.find((c) => c.held);
    expect(winner).toMatchObject({ tookOverFrom: 'dead-loop' });
    expect(claims.find((c) => !c.held)).toMatchObject({ held: false, holder: winner?.held ? winner.lease.holder : '' });
  });

  it('renews a lease when half its time is gone, and releases it by deleting the ref and the label', async () => {
    const a = keeper('loop-a');
    await a.hold(1);
    const first = await githubLeaseStore(client()).read(1);
    clock.ms += minutes(4);
    expect(await a.renewDue()).toEqual([]);
    expect((await githubLeaseStore(client()).read(1))?.sha).toBe(first?.sha);
    clock.ms += minutes(2);
    expect(await a.hold(1)).toBe(true);
    const renewed = await githubLeaseStore(client()).read(1);
    expect(renewed?.expiresAt).toBe(new Date(clock.ms + minutes(10)).toISOString());
    expect(renewed?.sha).not.toBe(first?.sha);
    await a.release(1);
    expect(gitDataOf(repo).refs.has(leaseRef(1))).toBe(false);
    expect(labelsOf(1)).not.toContain(leasedLabel);
  });

  it('never deletes a lease another loop holds', async () => {
    const store = githubLeaseStore(client());
    const claim = await store.claim(1, 'loop-a', new Date(clock.ms + 1000), clock.now());
    if (!claim.held) throw new Error('not held');
    clock.ms += 2000;
    await store.claim(1, 'loop-b', new Date(clock.ms + minutes(10)), clock.now());
    expect(await store.release(claim.lease)).toBe(false);
    expect((await store.read(1))?.holder).toBe('loop-b');
  });
});
