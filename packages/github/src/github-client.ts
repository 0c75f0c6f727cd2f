// A small GitHub REST client (https://docs.github.com/en/rest) on Octokit with
// the retry and throttling plugins (https://github.com/octokit/plugin-throttling.js):
// base URL from GITHUB_API_URL, token from GITHUB_TOKEN, errors as HarnessErrors.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { toHarnessError, tokenFix } from './github-errors.js';
import type { Repository } from './repository.js';
import { formatRepository } from './repository.js';

export const defaultApiUrl = 'https://api.github.com';

const HarnessOctokit = Octokit.plugin(retry, throttling);
/** The Octokit the client wraps (plugins installed), for calls this package has no helper for yet. */
export type GithubOctokit = Octokit;

/** Told before the client waits out a rate limit, so the CLI can say why it pauses. */
export interface WaitEvent {
  seconds: number;
  reason: 'rate limit' | 'secondary rate limit';
  method: string;
  url: string;
}

export interface GithubClientOptions {
  env: Env;
  repository: Repository;
  /** Milliseconds per second of Retry-After and backoff (1000; tests pass 1 so nothing sleeps long). */
  waitUnitMs?: number;
  /** A rate limit asking for a longer wait than this fails with GITHUB_RATE_LIMITED instead (60). */
  maxWaitSeconds?: number;
  /** How often one request is retried after a rate limit or a 5xx (2). */
  retries?: number;
  onWait?: (event: WaitEvent) => void;
}

export interface GithubResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

export interface GithubClient {
  readonly repository: Repository;
  readonly apiUrl: string;
  readonly octokit: GithubOctokit;
  /** One REST call; `owner` and `repo` are filled in, `action` names it in errors ("list rulesets"). */
  request<T>(route: string, params: Record<string, unknown>, action: string): Promise<GithubResponse<T>>;
  /** Every page of a list endpoint (per_page 100). */
  paginate<T>(route: string, params: Record<string, unknown>, action: string): Promise<T[]>;
}

/** GITHUB_TOKEN, or a GITHUB_AUTH error that says which token to create. */
export function requireToken(env: Env): string {
  const token = env.GITHUB_TOKEN?.trim();
  if (token === undefined || token === '') {
    throw new HarnessError('GITHUB_AUTH', 'GITHUB_TOKEN is not set, and harness needs it to talk to the GitHub API', {
      fix: tokenFix,
    });
  }
  return token;
}

export function apiUrlFrom(env: Env): string {
  const url = env.GITHUB_API_URL?.trim();
  return (url === undefined || url === '' ? defaultApiUrl : url).replace(/\/+$/, '');
}

export function createGithubClient(options: GithubClientOptions): GithubClient {
  const apiUrl = apiUrlFrom(options.env);
  const octokit = createOctokit(options, requireToken(options.env), apiUrl);
  const repository = options.repository;
  const context = (action: string) => ({ repository: formatRepository(repository), action, apiUrl });
  return {
    repository,
    apiUrl,
    octokit,
    async request<T>(route: string, params: Record<string, unknown>, action: string) {
      try {
        const response = await octokit.request(route, { owner: repository.owner, repo: repository.repo, ...params });
        return { status: response.status, data: response.data as T, headers: response.headers };
      } catch (error) {
        throw toHarnessError(error, context(action));
      }
    },
    async paginate<T>(route: string, params: Record<string, unknown>, action: string) {
      try {
        return await octokit.paginate<T>(route, {
          owner: repository.owner,
          repo: repository.repo,
          per_page: 100,
          ...params,
        });
      } catch (error) {
        throw toHarnessError(error, context(action));
      }
    },
  };
}

/** Octokit with retries and GitHub's rate limits honoured, waits reported through onWait, and no console output. */
function createOctokit(options: GithubClientOptions, token: string, apiUrl: string): GithubOctokit {
  const unit = options.waitUnitMs ?? 1000;
  const retries = options.retries ?? 2;
  const maxWait = options.maxWaitSeconds ?? 60;
  const decide =
    (reason: WaitEvent['reason']) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= retries || retryAfter > maxWait) return false;
      options.onWait?.({ seconds: retryAfter, reason, method: request.method, url: request.url });
      return true;
    };
  const octokit: GithubOctokit = new HarnessOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent: 'harness',
    // Octokit logs warnings to the console by default; a library never prints.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    request: { headers: { 'x-github-api-version': '2022-11-28' } },
    // 429 is left to the throttling plugin, which honours Retry-After and x-ratelimit-reset.
    retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: unit,
      // GitHub asks for a second between writes; scaled with the wait unit so tests do not sleep.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: unit }),
      // Octokit spaces content-creating requests (issues, comments, PRs) 3 s apart; same scaling.
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * unit }),
      onRateLimit: decide('rate limit'),
      onSecondaryRateLimit: decide('secondary rate limit'),
    },
  });
  return octokit;
}
