// The reads of the pull gateway (pull-gateway.ts): a PR, its comments, reviews, check runs and statuses,
// an issue's labels and state, a branch's rules and a PR's review threads with their line comments
// (the first 100 of each thread: a longer thread is a conversation for a person).
import { HarnessError } from 'agent-harness-diagnostics';
import type { GithubClient } from 'agent-harness-github';
import type { PullBundle, PullSummary, TurnState } from './pull-types.js';

const failed = new Set(['failure', 'timed_out', 'cancelled', 'action_required']);
const logLines = 60;

const threadsQuery = `query($owner: String!, $repo: String!, $pr: Int!, $after: String) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $pr) {
    reviewThreads(first: 100, after: $after) {
      nodes { isResolved isOutdated path line originalLine comments(first: 100) { nodes { body author { login } } } }
      pageInfo { hasNextPage endCursor }
    }
  } }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        nodes: {
          isResolved: boolean;
          isOutdated: boolean;
          path: string;
          line: number | null;
          originalLine: number | null;
          comments: { nodes: { body: string; author: { login: string } | null }[] };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
}

export interface ApiPull {
  number: number;
  state: string;
  merged?: boolean;
  merged_at?: string | null;
  mergeable?: boolean | null;
  mergeable_state?: string;
  title: string;
  body: string | null;
  head: { sha: string };
  html_url?: string;
}

export const summary = (p: ApiPull): PullSummary => ({
  number: p.number,
  state: p.state,
  merged: p.merged ?? (p.merged_at !== null && p.merged_at !== undefined),
  headSha: p.head.sha,
  mergeable: p.mergeable ?? null,
  mergeableState: p.mergeable_state ?? 'unknown',
  title: p.title,
  body: p.body ?? '',
  ...(p.html_url === undefined ? {} : { url: p.html_url }),
});

export async function getPull(client: GithubClient, number: number): Promise<PullSummary> {
  return summary(
    (
      await client.request<ApiPull>(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        { pull_number: number },
        `read PR #${number}`,
      )
    ).data,
  );
}

/** The branch's open PR, else its latest closed one. */
export async function findPullByBranch(client: GithubClient, branch: string): Promise<PullSummary | undefined> {
  const found = await client.paginate<ApiPull>(
    'GET /repos/{owner}/{repo}/pulls',
    { head: `${client.repository.owner}:${branch}`, state: 'all' },
    `find the PR of ${branch}`,
  );
  const pull = found.find((p) => p.state === 'open') ?? found[0];
  return pull === undefined ? undefined : getPull(client, pull.number);
}

export async function readComments(client: GithubClient, issue: number): Promise<PullBundle['comments']> {
  return (
    await client.paginate<{ id: number; body?: string; user: { login: string } | null }>(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number: issue },
      `read the comments of #${issue}`,
    )
  ).map((c) => ({ id: c.id, body: c.body ?? '', user: c.user?.login ?? '' }));
}

export async function readBundle(client: GithubClient, number: number): Promise<PullBundle> {
  const pull = await getPull(client, number);
  const [comments, reviews, checkRuns, statuses] = await Promise.all([
    readComments(client, number),
    readReviews(client, number),
    readCheckRuns(client, pull.headSha),
    readStatuses(client, pull.headSha),
  ]);
  return { pull, comments, reviews, checkRuns, statuses };
}

async function readReviews(client: GithubClient, number: number): Promise<PullBundle['reviews']> {
  const reviews = await client.paginate<{
    id: number;
    user: { login: string } | null;
    state: string;
    body: string;
    commit_id: string | null;
  }>(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    { pull_number: number },
    `read the reviews of #${number}`,
  );
  return reviews.map((r) => ({
    id: r.id,
    user: r.user?.login ?? '',
    state: r.state,
    body: r.body,
    commitId: r.commit_id ?? '',
  }));
}

/** The head's check runs; a failed one carries the tail of its Actions job's log. */
async function readCheckRuns(client: GithubClient, sha: string): Promise<PullBundle['checkRuns']> {
  const runs = await client.request<{
    check_runs: {
      id: number;
      name: string;
      status: string;
      conclusion: string | null;
      output: { summary: string | null };
    }[];
  }>(
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    { ref: sha, per_page: 100 },
    `read the check runs of ${sha}`,
  );
  return Promise.all(
    runs.data.check_runs.map(async (r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      conclusion: r.conclusion,
      summary: r.output.summary,
      ...(failed.has(r.conclusion ?? '') ? await logTail(client, r.id) : {}),
    })),
  );
}

async function readStatuses(client: GithubClient, sha: string): Promise<PullBundle['statuses']> {
  const status = await client.request<{ statuses: { context: string; state: string; description: string | null }[] }>(
    'GET /repos/{owner}/{repo}/commits/{ref}/status',
    { ref: sha, per_page: 100 },
    `read the statuses of ${sha}`,
  );
  return status.data.statuses.map((s) => ({ context: s.context, state: s.state, description: s.description }));
}

/** A failed Actions job's log, last lines only; other check runs (not Actions jobs) have none: 404. */
async function logTail(client: GithubClient, job: number): Promise<{ logTail?: string }> {
  try {
    const text = (
      await client.request<unknown>(
        'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
        { job_id: job },
        `read the log of job ${job}`,
      )
    ).data;
    return typeof text === 'string' ? { logTail: text.trimEnd().split('\n').slice(-logLines).join('\n') } : {};
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'GITHUB_NOT_FOUND') return {};
    throw error;
  }
}

export async function readLabels(client: GithubClient, issue: number): Promise<string[]> {
  const data = (
    await client.request<{ labels: (string | { name?: string })[] }>(
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      { issue_number: issue },
      `read #${issue}`,
    )
  ).data;
  return data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
}

export async function readIssueState(client: GithubClient, issue: number): Promise<string> {
  return (
    await client.request<{ state: string }>(
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      { issue_number: issue },
      `read #${issue}`,
    )
  ).data.state;
}

export async function readBranchRules(
  client: GithubClient,
  branch: string,
): Promise<{ requiredChecks: string[]; mergeQueue: boolean }> {
  const rules = (
    await client.request<{ type: string; parameters?: { required_status_checks?: { context: string }[] } }[]>(
      'GET /repos/{owner}/{repo}/rules/branches/{branch}',
      { branch },
      `read the rules of ${branch}`,
    )
  ).data;
  const fromRulesets = rules.flatMap((r) =>
    r.type === 'required_status_checks' ? (r.parameters?.required_status_checks ?? []).map((c) => c.context) : [],
  );
  return {
    requiredChecks: [...new Set([...fromRulesets, ...(await readProtectionChecks(client, branch))])],
    mergeQueue: rules.some((r) => r.type === 'merge_queue'),
  };
}

/**
 * The required status checks of classic branch protection
 * (https://docs.github.com/en/rest/branches/branch-protection#get-branch-protection). 404: the branch
 * is not protected; 403: the token may not read protection (it needs Administration: read). Either
 * way none are known here, and the merge then asks every reported check to be green.
 */
async function readProtectionChecks(client: GithubClient, branch: string): Promise<string[]> {
  try {
    const protection = (
      await client.request<{
        required_status_checks?: { contexts?: string[]; checks?: { context: string }[] };
      }>('GET /repos/{owner}/{repo}/branches/{branch}/protection', { branch }, `read the protection of ${branch}`)
    ).data.required_status_checks;
    return [...(protection?.contexts ?? []), ...(protection?.checks ?? []).map((c) => c.context)];
  } catch (error) {
    if (error instanceof HarnessError && (error.code === 'GITHUB_NOT_FOUND' || error.code === 'GITHUB_FORBIDDEN'))
      return [];
    throw error;
  }
}

export async function readReviewThreads(client: GithubClient, pr: number): Promise<TurnState['reviewThreads']> {
  const threads: TurnState['reviewThreads'] = [];
  let after: string | null = null;
  do {
    const page: ThreadsPage = await client.octokit.graphql<ThreadsPage>(threadsQuery, {
      owner: client.repository.owner,
      repo: client.repository.repo,
      pr,
      after,
    });
    const found = page.repository.pullRequest.reviewThreads;
    threads.push(
      ...found.nodes.map((t) => ({
        resolved: t.isResolved,
        outdated: t.isOutdated,
        path: t.path,
        // An outdated thread has no line on the head; the line it was written on still says where.
        line: t.line ?? t.originalLine,
        comments: t.comments.nodes.map((c) => ({ user: c.author?.login ?? '', body: c.body })),
      })),
    );
    after = found.pageInfo.hasNextPage ? found.pageInfo.endCursor : null;
  } while (after !== null);
  return threads;
}
