// The real client against the stand-in: error mapping and rate-limit waits.
import { faults, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaitEvent } from '../src/index.js';
import { createGithubClient, listRulesets } from '../src/index.js';

let standin: GithubStandin;
const repository = { owner: 'octo-org', repo: 'app' };

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('good');
  standin.state.addRepository('octo-org/app');
});

afterEach(async () => {
  expect(standin.violations).toEqual([]);
  await standin.close();
});

function client(
  options: { token?: string; onWait?: (event: WaitEvent) => void; maxWaitSeconds?: number; url?: string } = {},
) {
  return createGithubClient({
    env: { GITHUB_TOKEN: options.token ?? 'good', GITHUB_API_URL: options.url ?? standin.url },
    repository,
    waitUnitMs: 1,
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
    ...(options.maxWaitSeconds === undefined ? {} : { maxWaitSeconds: options.maxWaitSeconds }),
  });
}

describe('createGithubClient', () => {
  it('needs GITHUB_TOKEN and says which token to create', () => {
    expect(() => createGithubClient({ env: {}, repository })).toThrow(
      expect.objectContaining({ code: 'GITHUB_AUTH', fix: expect.stringContaining('Administration: Read and write') }),
    );
  });

  it('maps 401 to GITHUB_AUTH', async () => {
    await expect(listRulesets(client({ token: 'wrong' }))).rejects.toMatchObject({
      code: 'GITHUB_AUTH',
      message: expect.stringContaining('GitHub rejected the token in GITHUB_TOKEN'),
    });
  });

  it('reports the plan gate of a private repository as such', async () => {
    standin.state.addRepository('octo-org/app', { private: true, planIncludesRulesets: false });
    await expect(listRulesets(client())).rejects.toMatchObject({
      code: 'GITHUB_FORBIDDEN',
      message: expect.stringContaining(
        "octo-org/app is private and its GitHub plan does not include rulesets (GitHub's plan gate",
      ),
      fix: expect.stringContaining('Make the repository public'),
    });
  });

  it('maps 404 to a repository-or-permission error', async () => {
    standin.inject(faults.notFound());
    await expect(listRulesets(client())).rejects.toMatchObject({
      code: 'GITHUB_NOT_FOUND',
      message: expect.stringContaining('GitHub has no repository octo-org/app that this token can see'),
    });
  });

  it('carries GitHub’s 422 message', async () => {
    standin.inject(faults.invalid('Name must be unique'));
    await expect(listRulesets(client())).rejects.toMatchObject({
      code: 'GITHUB_INVALID',
      message: expect.stringContaining('GitHub said: Validation Failed: Name must be unique (422)'),
    });
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    standin.inject(faults.secondaryRateLimit(3));
    const waits: WaitEvent[] = [];
    await expect(listRulesets(client({ onWait: (event) => waits.push(event) }))).resolves.toEqual([]);
    expect(waits).toEqual([expect.objectContaining({ seconds: 3, reason: 'secondary rate limit', method: 'GET' })]);
    expect(standin.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits out a used-up primary rate limit until its reset', async () => {
    const injected = Date.now();
    standin.inject(faults.rateLimit(5));
    const resetAt = Math.ceil(injected / 1000) + 5; // the fault's x-ratelimit-reset
    const waits: (WaitEvent & { at: number })[] = [];
    await expect(
      listRulesets(client({ onWait: (event) => waits.push({ ...event, at: Date.now() }) })),
    ).resolves.toEqual([]);
    expect(waits[0]?.reason).toBe('rate limit');
    // It waits until the reset, however long the request took to get there: at least what was left
    // when it said so, at most what was left when the fault was set (rounded up, plus the second
    // Octokit's throttling adds).
    const seconds = waits[0]?.seconds ?? Number.NaN;
    expect(seconds).toBeGreaterThanOrEqual(resetAt - (waits[0]?.at ?? Number.NaN) / 1000);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(resetAt - injected / 1000) + 1);
  });

  it('gives up with GITHUB_RATE_LIMITED when the wait is too long or keeps coming', async () => {
    standin.inject(faults.secondaryRateLimit(600));
    await expect(listRulesets(client())).rejects.toMatchObject({
      code: 'GITHUB_RATE_LIMITED',
      fix: 'Run the command again in 600 seconds.',
    });
    standin.inject(faults.secondaryRateLimit(1, { times: 5 }));
    await expect(listRulesets(client())).rejects.toMatchObject({ code: 'GITHUB_RATE_LIMITED' });
    expect(standin.requests.filter((r) => r.status === 429)).toHaveLength(4);
  });

  it('retries a 5xx, and maps an unreachable API to GITHUB_UNREACHABLE', async () => {
    standin.inject(faults.serverError());
    await expect(listRulesets(client())).resolves.toEqual([]);
    const closed = await startGithubStandin();
    await closed.close();
    await expect(listRulesets(client({ url: closed.url }))).rejects.toMatchObject({
      code: 'GITHUB_UNREACHABLE',
      message: expect.stringContaining(`cannot reach the GitHub API at ${closed.url}`),
    });
  });
});
