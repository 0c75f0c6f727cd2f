// The stand-in's pull requests, reviews, check runs and commit statuses, kept per
// repository beside the StateStore. A pull request's number comes from the issue
// sequence (a PR is an issue on GitHub). The stand-in knows no git: a test hands
// it `resolveRef` (e.g. `git rev-parse` in a bare repository) so heads are real.
import type { StandinRepository } from '../state-store.js';
import { addIssue } from './issue-store.js';
import type { StoredIssue } from './issue-store.js';

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  summary: string;
  /** Where `GET …/actions/jobs/{id}/logs` redirects (a test's own log server), for Actions jobs. */
  logUrl?: string;
}

export interface StoredStatus {
  id: number;
  sha: string;
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
}

export interface StoredReview {
  id: number;
  user: string;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  commitId: string;
}

/** A review thread as GitHub's GraphQL API shows it (REST has no thread state). */
export interface StoredReviewThread {
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  /** The line the thread is on (null when outdated, as GitHub answers); none: null. */
  line?: number | null;
  /** The thread's comments, the first one opening it. */
  comments?: { user: string; body: string }[];
}

export interface StoredPull {
  issue: StoredIssue;
  head: string;
  base: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** What GitHub would compute; the test sets it ("clean", "blocked", "dirty", …). */
  mergeableState: string;
  reviews: StoredReview[];
  reviewThreads: StoredReviewThread[];
  /** Added to the merge queue (merge-async with the queue); the queue itself is not simulated. */
  queued: boolean;
}

export interface PullState {
  pulls: Map<number, StoredPull>;
  checkRuns: StoredCheckRun[];
  statuses: StoredStatus[];
  /** Branch or SHA → commit SHA; undefined when the ref does not exist. */
  resolveRef: (ref: string) => string | undefined;
  /** Called on a successful merge, so a test can move the base branch. */
  onMerge: (pull: StoredPull) => string;
}

const states = new WeakMap<StandinRepository, PullState>();

export function pullsOf(repository: StandinRepository): PullState {
  let state = states.get(repository);
  if (state === undefined) {
    state = {
      pulls: new Map(),
      checkRuns: [],
      statuses: [],
      resolveRef: () => undefined,
      onMerge: () => 'f'.repeat(40),
    };
    states.set(repository, state);
  }
  return state;
}

export function addPull(
  repository: StandinRepository,
  fields: { title: string; body: string | null; head: string; base: string; draft?: boolean; user?: string },
): StoredPull {
  const issue = addIssue(repository, {
    title: fields.title,
    body: fields.body,
    isPullRequest: true,
    user: fields.user ?? 'harness-bot[bot]',
  });
  const pull: StoredPull = {
    issue,
    head: fields.head,
    base: fields.base,
    draft: fields.draft ?? false,
    merged: false,
    mergedAt: null,
    mergeCommitSha: null,
    mergeableState: 'clean',
    reviews: [],
    reviewThreads: [],
    queued: false,
  };
  pullsOf(repository).pulls.set(issue.number, pull);
  return pull;
}
