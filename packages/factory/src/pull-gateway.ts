// The GitHub writes and reads the loop needs for one issue's PR
// (https://docs.github.com/en/rest/pulls, …/issues/comments, …/issues/labels,
// …/checks/runs, …/commits/statuses), behind one interface so the loop is
// tested against the stand-in and nothing else knows Octokit.
import type { GithubClient } from 'agent-harness-github';
import type { ApiPull } from './pull-reads.js';
import type { PullBundle, PullComment, PullSummary, ReviewThread } from './pull-types.js';
import {
  findPullByBranch,
  getPull,
  readBranchRules,
  readBundle,
  readComments,
  readIssueState,
  readLabels,
  readReviewThreads,
  summary,
} from './pull-reads.js';

export type { PullBundle, PullSummary, TurnState } from './pull-types.js';

export interface PullGateway {
  findPullByBranch(branch: string): Promise<PullSummary | undefined>;
  createPull(fields: { title: string; body: string; head: string; base: string }): Promise<PullSummary>;
  getPull(number: number): Promise<PullSummary>;
  bundle(number: number): Promise<PullBundle>;
  comments(issue: number): Promise<PullComment[]>;
  comment(issue: number, body: string): Promise<void>;
  labels(issue: number): Promise<string[]>;
  addLabel(issue: number, label: string): Promise<void>;
  issueState(issue: number): Promise<string>;
  /** Required status check contexts on the branch (rulesets and classic protection) and whether it requires the merge queue. */
  branchRules(branch: string): Promise<{ requiredChecks: string[]; mergeQueue: boolean }>;
  /** Review threads with their line comments (GraphQL: REST has no thread state). */
  reviewThreads(pr: number): Promise<ReviewThread[]>;
  /** Merges when the head is still `sha` (409 otherwise). */
  merge(pr: number, sha: string): Promise<void>;
  /** Adds to the merge queue when the head is still `sha`. */
  enqueue(pr: number, sha: string): Promise<void>;
}

export function githubPullGateway(client: GithubClient): PullGateway {
  return {
    findPullByBranch: (branch) => findPullByBranch(client, branch),
    createPull: (fields) => createPull(client, fields),
    getPull: (number) => getPull(client, number),
    bundle: (number) => readBundle(client, number),
    comments: (issue) => readComments(client, issue),
    comment: (issue, body) => postComment(client, issue, body),
    labels: (issue) => readLabels(client, issue),
    addLabel: (issue, label) => addLabel(client, issue, label),
    branchRules: (branch) => readBranchRules(client, branch),
    reviewThreads: (pr) => readReviewThreads(client, pr),
    merge: (pr, sha) => merge(client, pr, sha),
    enqueue: (pr, sha) => enqueue(client, pr, sha),
    issueState: (issue) => readIssueState(client, issue),
  };
}

async function createPull(
  client: GithubClient,
  fields: { title: string; body: string; head: string; base: string },
): Promise<PullSummary> {
  return summary(
    (await client.request<ApiPull>('POST /repos/{owner}/{repo}/pulls', fields, `open a PR for ${fields.head}`)).data,
  );
}

async function postComment(client: GithubClient, issue: number, body: string): Promise<void> {
  await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { issue_number: issue, body },
    `comment on #${issue}`,
  );
}

async function addLabel(client: GithubClient, issue: number, label: string): Promise<void> {
  await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    { issue_number: issue, labels: [label] },
    `label #${issue}`,
  );
}

async function merge(client: GithubClient, pr: number, sha: string): Promise<void> {
  await client.request(
    'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
    { pull_number: pr, sha, merge_method: 'squash' },
    `merge PR #${pr}`,
  );
}

async function enqueue(client: GithubClient, pr: number, sha: string): Promise<void> {
  await client.request(
    'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge-async',
    { pull_number: pr, sha, merge_action: 'merge_queue' },
    `add PR #${pr} to the merge queue`,
  );
}
