// Who init names as the owner of the guardrail files in CODEOWNERS: --owner, else under --yes the
// user of GITHUB_TOKEN (GET /user, against the stand-in), else the placeholder.
import { startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findGuardrailOwner } from '../src/index.js';

let standin: GithubStandin;

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('person', { administration: false, login: 'octocat' });
  standin.state.addToken('installation', { administration: false });
  standin.state.addRepository('octo-org/app');
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

const env = (token: string | undefined) => ({
  GITHUB_TOKEN: token,
  GITHUB_API_URL: standin.url,
  GITHUB_REPOSITORY: 'octo-org/app',
});
const find = (option: string | undefined, lookup: boolean, token: string | undefined = 'person') =>
  findGuardrailOwner({ option, lookup, env: env(token), root: '/nonexistent' });

describe('findGuardrailOwner', () => {
  it('takes --owner as given (a login gets its @), and asks GitHub nothing', async () => {
    expect(await find('@octo-org/platform', true)).toEqual({ owner: '@octo-org/platform', source: 'option' });
    expect(await find('octocat', true)).toEqual({ owner: '@octocat', source: 'option' });
    expect(await find('lead@example.com', true)).toEqual({ owner: 'lead@example.com', source: 'option' });
    expect(standin.requests).toEqual([]);
  });

  it('refuses an --owner that CODEOWNERS could not hold', async () => {
    await expect(find('two words', true)).rejects.toMatchObject({
      code: 'USAGE',
      fix: expect.stringContaining('--owner @octocat'),
    });
  });

  it("under --yes names the token's user", async () => {
    expect(await find(undefined, true)).toEqual({ owner: '@octocat', source: 'github' });
    expect(standin.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
  });

  it('falls back to the placeholder, saying why, without --yes, without a token, or for a token that is no user', async () => {
    expect(await find(undefined, false)).toEqual({ owner: '@OWNER', source: 'placeholder', why: 'no --owner given' });
    expect(await find(undefined, true, '')).toEqual({
      owner: '@OWNER',
      source: 'placeholder',
      why: 'no --owner given and GITHUB_TOKEN is not set',
    });
    expect(await find(undefined, true, 'installation')).toMatchObject({
      owner: '@OWNER',
      source: 'placeholder',
      why: expect.stringContaining("the GitHub API did not name the token's user"),
    });
  });
});
