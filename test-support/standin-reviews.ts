// A pull request with reviews on the GitHub stand-in (agent-harness-github-standin), for the tests
// that accept a loosening through a code owner's approval: the stand-in with the token a workflow
// run's GITHUB_TOKEN would be (no administration permission), octo-org/app with one pull request
// whose head branch resolves to a given commit, reviews on it, and the environment a pull request's
// workflow run sets (token, API URL, repository, event file). Every request the code under test
// makes is checked against GitHub's OpenAPI description; `closeReviewStandin` fails the test on any
// request that broke it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPull, pullsOf, startGithubStandin } from 'agent-harness-github-standin';
import type { GithubStandin, StoredPull } from 'agent-harness-github-standin';
import { expect } from 'vitest';

/** The environment a check reads (`process.env`'s shape); a key set to `undefined` is unset. */
export type StandinEnv = Record<string, string | undefined>;
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';

/** The token in GITHUB_TOKEN of `ReviewedPull.env()`: it may read pull requests, not administer. */
const actionsToken = 'actions-token';
const repositoryName = 'octo-org/app';

/** The stand-in, started, with the workflow run's token; stop it with `closeReviewStandin`. */
export async function startReviewStandin(): Promise<GithubStandin> {
  const standin = await startGithubStandin();
  standin.state.addToken(actionsToken, { administration: false });
  return standin;
}

/** Fails the test if a request broke GitHub's OpenAPI description; stops the stand-in either way. */
export async function closeReviewStandin(standin: GithubStandin): Promise<void> {
  try {
    expect(standin.violations).toEqual([]);
  } finally {
    await standin.close();
  }
}

export interface PullRequestOptions {
  /** The pull request's head branch (also its title); the stand-in resolves it to `head`. */
  branch: string;
  /** The head commit's sha: the default commit a review is given on. */
  head: string;
  /** The folder the event file (GITHUB_EVENT_PATH) is written to, e.g. the repository's `.git`. */
  eventDir: string;
  /** The event's `action` (a `pull_request_review` event's is `submitted`); none by default. */
  action?: string;
}

export interface ReviewedPull {
  readonly pull: StoredPull;
  /** Adds a review by `user` (default: an approval at the head commit). */
  readonly review: (user: string, state?: ReviewState, commitId?: string) => void;
  /** Writes the event file and returns the workflow run's environment, with `overrides` on top. */
  readonly env: (overrides?: StandinEnv) => StandinEnv;
}

/** A pull request of octo-org/app into `main` from `options.branch`, with no reviews yet. */
export function openPullRequest(standin: GithubStandin, options: PullRequestOptions): ReviewedPull {
  const repository = standin.state.addRepository(repositoryName);
  pullsOf(repository).resolveRef = (ref) => (ref === options.branch ? options.head : undefined);
  const pull = addPull(repository, { title: options.branch, body: null, head: options.branch, base: 'main' });
  const review = (user: string, state: ReviewState = 'APPROVED', commitId = options.head): void => {
    pull.reviews.push({ id: pull.reviews.length + 1, user, body: '', state, commitId });
  };
  const env = (overrides: StandinEnv = {}): StandinEnv => {
    const eventPath = join(options.eventDir, 'event.json');
    const pullRequest = { pull_request: { number: pull.issue.number } };
    const event = options.action === undefined ? pullRequest : { action: options.action, ...pullRequest };
    writeFileSync(eventPath, JSON.stringify(event));
    return {
      GITHUB_TOKEN: actionsToken,
      GITHUB_API_URL: standin.url,
      GITHUB_REPOSITORY: repositoryName,
      GITHUB_EVENT_PATH: eventPath,
      ...overrides,
    };
  };
  return { pull, review, env };
}
