// Selection and order against the loopback GitHub stand-in: labels, PRs dropped,
// body references, native blocked-by and sub-issues, closed and missing blockers.
import { addIssue, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { sectionDefaults } from 'agent-harness-config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planFactory } from '../src/plan-factory.js';

let standin: GithubStandin;

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('t');
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

describe('planFactory', () => {
  it('orders labelled issues by dependencies from bodies, blocked-by and sub-issues, and writes nothing', async () => {
    const repo = standin.state.addRepository('octo/app');
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`;
    const ready = ['agent-ready', 'backend'];
    addIssue(repo, { title: 'unlabelled', createdAt: day(1) }); // 1
    addIssue(repo, { title: 'schema', labels: ready, createdAt: day(2) }); // 2
    addIssue(repo, { title: 'api', labels: ready, body: 'Depends on #2.', createdAt: day(3) }); // 3
    addIssue(repo, { title: 'a pull request', labels: ready, isPullRequest: true, createdAt: day(4) }); // 4
    addIssue(repo, { title: 'done blocker', state: 'closed', createdAt: day(5) }); // 5
    addIssue(repo, { title: 'open blocker, not labelled', createdAt: day(6) }); // 6
    addIssue(repo, { title: 'waits', labels: ready, blockedBy: [6], createdAt: day(7) }); // 7
    addIssue(repo, {
      title: 'parent',
      labels: ready,
      subIssues: [9],
      body: 'blocked by #5 and #404',
      createdAt: day(8),
    }); // 8
    addIssue(repo, { title: 'child', labels: ready, createdAt: day(9) }); // 9
    addIssue(repo, { title: 'only one label', labels: ['agent-ready'], createdAt: day(10) }); // 10
    addIssue(repo, { title: 'loop a', labels: ready, body: 'blocked by #12', createdAt: day(11) }); // 11
    addIssue(repo, { title: 'loop b', labels: ready, body: 'blocked by #11', createdAt: day(12) }); // 12
    const config = { ...sectionDefaults('factory'), labels: ready };
    const { plan, notes } = await planFactory({
      root: process.cwd(),
      config,
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: standin.url },
      repo: 'octo/app',
    });
    expect(plan).toEqual({
      version: 1,
      plan: [
        { issue: 2, title: 'schema', after: [] },
        { issue: 3, title: 'api', after: [2] },
        { issue: 9, title: 'child', after: [] },
        { issue: 8, title: 'parent', after: [9] },
      ],
      waiting: [{ issue: 7, blockedBy: [6] }],
      cycles: [[11, 12]],
    });
    expect(notes).toEqual(['#404 is referenced as a blocker but does not exist; it blocks nothing']);
    expect(standin.writes()).toEqual([]);
  });
});
