// The GitHub writes and reads the loop needs for one issue's PR
// (https://docs.github.com/en/rest/pulls, …/issues/comments, …/issues/labels,
// …/checks/runs, …/commits/statuses), behind one interface so the loop is
// tested against the stand-in and nothing else knows Octokit.
import { HarnessError } from '@harness/diagnostics';
import type { GithubClient } from '@harness/github';

const failed = new Set(['failure', 'timed_out', 'cancelled', 'action_required']);
const logLines = 60;

export interface PullSummary {
  number: number;
  state: string;
  merged: boolean;
  headSha: string;
  mergeable: boolean | null;
  mergeableState: string;
  title: string;
  body: string;
}

export interface PullComment {
  id: number;
  body: string;
  user: string;
}

export interface PullBundle {
  pull: PullSummary;
  comments: PullComment[];
  reviews: { id: number; user: string; state: string; body: string; commitId: string }[];
  /** `logTail`: the last lines of a failed Actions job's log. */
  checkRuns: {
    id: number;
    name: string;
    status: string;
    conclusion: string | null;
    summary: string | null;
    required?: boolean;
    logTail?: string;
  }[];
  statuses: { context: string; state: string; description: string | null; required?: boolean }[];
}

/** What one turn hands the agent: the PR bundle, which checks are required (and which have not reported), and how far the branch is from its base. */
export interface TurnState extends PullBundle {
  /** Review threads, resolved and outdated or not (GraphQL: REST has no thread state). */
  reviewThreads: { resolved: boolean; outdated: boolean; path: string }[];
  requiredChecks: { names: string[]; notReported: string[]; mergeQueue: boolean };
  branch: { base: string; ahead: number; behind: number };
}

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
  /** Required status check contexts on the branch and whether it requires the merge queue (rulesets). */
  branchRules(branch: string): Promise<{ requiredChecks: string[]; mergeQueue: boolean }>;
  /** Review threads (GraphQL: REST has no thread state). */
  reviewThreads(pr: number): Promise<{ resolved: boolean; outdated: boolean; path: string }[]>;
  /** Merges when the head is still `sha` (409 otherwise). */
  merge(pr: number, sha: string): Promise<void>;
  /** Adds to the merge queue when the head is still `sha`. */
  enqueue(pr: number, sha: string): Promise<void>;
}

const threadsQuery = `query($owner: String!, $repo: String!, $pr: Int!, $after: String) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $pr) {
    reviewThreads(first: 100, after: $after) { nodes { isResolved isOutdated path } pageInfo { hasNextPage endCursor } }
  } }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        nodes: { isResolved: boolean; isOutdated: boolean; path: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
}

interface ApiPull {
  number: number;
  state: string;
  merged?: boolean;
  merged_at?: string | null;
  mergeable?: boolean | null;
  mergeable_state?: string;
  title: string;
  body: string | null;
  head: { sha: string };
}

const summary = (p: ApiPull): PullSummary => ({
  number: p.number,
  state: p.state,
  merged: p.merged ?? (p.merged_at !== null && p.merged_at !== undefined),
  headSha: p.head.sha,
  mergeable: p.mergeable ?? null,
  mergeableState: p.mergeable_state ?? 'unknown',
  title: p.title,
  body: p.body ?? '',
});

export function githubPullGateway(client: GithubClient): PullGateway {
  const owner = client.repository.owner;
  const comments = async (issue: number) =>
    (
      await client.paginate<{ id: number; body?: string; user: { login: string } | null }>(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { issue_number: issue },
        `read the comments of #${issue}`,
      )
    ).map((c) => ({ id: c.id, body: c.body ?? '', user: c.user?.login ?? '' }));
  // A failed Actions job's log, last lines only; other check runs (not Actions jobs) have none: 404.
  const logTail = async (job: number): Promise<{ logTail?: string }> => {
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
  };
  const getPull = async (number: number) =>
    summary(
      (
        await client.request<ApiPull>(
          'GET /repos/{owner}/{repo}/pulls/{pull_number}',
          { pull_number: number },
          `read PR #${number}`,
        )
      ).data,
    );
  return {
    async findPullByBranch(branch) {
      const found = await client.paginate<ApiPull>(
        'GET /repos/{owner}/{repo}/pulls',
        { head: `${owner}:${branch}`, state: 'all' },
        `find the PR of ${branch}`,
      );
      const pull = found.find((p) => p.state === 'open') ?? found[0];
      return pull === undefined ? undefined : getPull(pull.number);
    },
    async createPull(fields) {
      return summary(
        (await client.request<ApiPull>('POST /repos/{owner}/{repo}/pulls', fields, `open a PR for ${fields.head}`))
          .data,
      );
    },
    getPull,
    async bundle(number) {
      const pull = await getPull(number);
      const [issueComments, reviews, runs, status] = await Promise.all([
        comments(number),
        client.paginate<{
          id: number;
          user: { login: string } | null;
          state: string;
          body: string;
          commit_id: string | null;
        }>(
          'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
          { pull_number: number },
          `read the reviews of #${number}`,
        ),
        client.request<{
          check_runs: {
            id: number;
            name: string;
            status: string;
            conclusion: string | null;
            output: { summary: string | null };
          }[];
        }>(
          'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
          { ref: pull.headSha, per_page: 100 },
          `read the check runs of ${pull.headSha}`,
        ),
        client.request<{ statuses: { context: string; state: string; description: string | null }[] }>(
          'GET /repos/{owner}/{repo}/commits/{ref}/status',
          { ref: pull.headSha, per_page: 100 },
          `read the statuses of ${pull.headSha}`,
        ),
      ]);
      return {
        pull,
        comments: issueComments,
        reviews: reviews.map((r) => ({
          id: r.id,
          user: r.user?.login ?? '',
          state: r.state,
          body: r.body,
          commitId: r.commit_id ?? '',
        })),
        checkRuns: await Promise.all(
          runs.data.check_runs.map(async (r) => ({
            id: r.id,
            name: r.name,
            status: r.status,
            conclusion: r.conclusion,
            summary: r.output.summary,
            ...(failed.has(r.conclusion ?? '') ? await logTail(r.id) : {}),
          })),
        ),
        statuses: status.data.statuses.map((s) => ({ context: s.context, state: s.state, description: s.description })),
      };
    },
    comments,
    async comment(issue, body) {
      await client.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { issue_number: issue, body },
        `comment on #${issue}`,
      );
    },
    async labels(issue) {
      const data = (
        await client.request<{ labels: (string | { name?: string })[] }>(
          'GET /repos/{owner}/{repo}/issues/{issue_number}',
          { issue_number: issue },
          `read #${issue}`,
        )
      ).data;
      return data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
    },
    async addLabel(issue, label) {
      await client.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        { issue_number: issue, labels: [label] },
        `label #${issue}`,
      );
    },
    async branchRules(branch) {
      const rules = (
        await client.request<{ type: string; parameters?: { required_status_checks?: { context: string }[] } }[]>(
          'GET /repos/{owner}/{repo}/rules/branches/{branch}',
          { branch },
          `read the rules of ${branch}`,
        )
      ).data;
      return {
        requiredChecks: [
          ...new Set(
            rules.flatMap((r) =>
              r.type === 'required_status_checks'
                ? (r.parameters?.required_status_checks ?? []).map((c) => c.context)
                : [],
            ),
          ),
        ],
        mergeQueue: rules.some((r) => r.type === 'merge_queue'),
      };
    },
    async reviewThreads(pr) {
      const threads: { resolved: boolean; outdated: boolean; path: string }[] = [];
      let after: string | null = null;
      do {
        const page: ThreadsPage = await client.octokit.graphql<ThreadsPage>(threadsQuery, {
          owner,
          repo: client.repository.repo,
          pr,
          after,
        });
        const found = page.repository.pullRequest.reviewThreads;
        threads.push(...found.nodes.map((t) => ({ resolved: t.isResolved, outdated: t.isOutdated, path: t.path })));
        after = found.pageInfo.hasNextPage ? found.pageInfo.endCursor : null;
      } while (after !== null);
      return threads;
    },
    async merge(pr, sha) {
      await client.request(
        'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
        { pull_number: pr, sha, merge_method: 'squash' },
        `merge PR #${pr}`,
      );
    },
    async enqueue(pr, sha) {
      await client.request(
        'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge-async',
        { pull_number: pr, sha, merge_action: 'merge_queue' },
        `add PR #${pr} to the merge queue`,
      );
    },
    async issueState(issue) {
      return (
        await client.request<{ state: string }>(
          'GET /repos/{owner}/{repo}/issues/{issue_number}',
          { issue_number: issue },
          `read #${issue}`,
        )
      ).data.state;
    },
  };
}
