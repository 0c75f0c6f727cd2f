// The guard's questions to GitHub, against the stand-in (every request checked against GitHub's OpenAPI description).
import { addPull, addTeamMember, pullsOf, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGithubClient,
  getAuthenticatedLogin,
  getPullRequest,
  listPullReviews,
  readTeamMembership,
} from '../src/index.js';

let standin: GithubStandin;
const repository = { owner: 'octo-org', repo: 'app' };
const head = 'a'.repeat(40);

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('person', { administration: false, login: 'octocat' });
  standin.state.addToken('actions', { administration: false });
  const repo = standin.state.addRepository('octo-org/app');
  pullsOf(repo).resolveRef = (ref) => (ref === 'change' ? head : undefined);
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

const client = (token = 'person') =>
  createGithubClient({ env: { GITHUB_TOKEN: token, GITHUB_API_URL: standin.url }, repository, waitUnitMs: 1 });

describe('pull request reviews', () => {
  it('reads the head commit and every review, across pages', async () => {
    const repo = standin.state.repository('octo-org', 'app');
    const pull = addPull(repo as NonNullable<typeof repo>, { title: 't', body: null, head: 'change', base: 'main' });
    for (let i = 0; i < 105; i += 1)
      pull.reviews.push({ id: i + 1, user: `u${i}`, body: '', state: 'COMMENTED', commitId: head });
    pull.reviews.push({ id: 200, user: 'octocat', body: '', state: 'APPROVED', commitId: head });
    expect(await getPullRequest(client(), pull.issue.number)).toEqual({ number: pull.issue.number, headSha: head });
    const reviews = await listPullReviews(client(), pull.issue.number);
    expect(reviews).toHaveLength(106);
    expect(reviews.at(-1)).toEqual({ id: 200, login: 'octocat', state: 'APPROVED', commitId: head });
  });
});

describe('readTeamMembership', () => {
  it('answers active, pending or none', async () => {
    addTeamMember(standin.state, '@octo-org/guardians', 'octocat');
    addTeamMember(standin.state, 'octo-org/guardians', 'newcomer', 'pending');
    const team = { org: 'octo-org', slug: 'guardians' };
    expect(await readTeamMembership(client(), team, 'octocat')).toBe('active');
    expect(await readTeamMembership(client(), team, 'newcomer')).toBe('pending');
    expect(await readTeamMembership(client(), team, 'stranger')).toBe('none');
  });
});

describe('getAuthenticatedLogin', () => {
  it("names the token's user, and fails for a token that is no user", async () => {
    expect(await getAuthenticatedLogin(client())).toBe('octocat');
    await expect(getAuthenticatedLogin(client('actions'))).rejects.toMatchObject({ code: 'GITHUB_FORBIDDEN' });
  });
});
