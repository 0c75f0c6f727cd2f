// Reads the factory's candidates from GitHub (https://docs.github.com/en/rest/issues):
// open issues with every label (pull requests dropped), their blocked-by
// dependencies and sub-issues when the issue's summary says it has any, and the
// open/closed state of any other issue a body refers to.
import type { GithubClient } from 'agent-harness-github';
import { HarnessError } from 'agent-harness-diagnostics';
import { parseBodyDependencies } from './issue-dependencies.js';
import type { BlockerRef, CandidateIssue } from './plan-issues.js';

interface ApiIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  created_at: string;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
  sub_issues_summary?: { total: number };
  issue_dependencies_summary?: { total_blocked_by: number };
}

/** The GitHub reads selection needs; the Octokit-backed one is `githubIssueSource`, tests may pass their own. */
export interface IssueSource {
  listOpenIssues(labels: string[]): Promise<ApiIssue[]>;
  blockedBy(issue: number): Promise<ApiIssue[]>;
  subIssues(issue: number): Promise<ApiIssue[]>;
  /** undefined when the issue does not exist (or is not visible). */
  getIssue(issue: number): Promise<ApiIssue | undefined>;
}

export type { ApiIssue };

export function githubIssueSource(client: GithubClient): IssueSource {
  return {
    listOpenIssues: (labels) =>
      client.paginate<ApiIssue>(
        'GET /repos/{owner}/{repo}/issues',
        { state: 'open', labels: labels.join(','), sort: 'created', direction: 'asc' },
        'list labelled issues',
      ),
    blockedBy: (issue) =>
      client.paginate<ApiIssue>(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
        { issue_number: issue },
        `list what blocks #${issue}`,
      ),
    subIssues: (issue) =>
      client.paginate<ApiIssue>(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
        { issue_number: issue },
        `list the sub-issues of #${issue}`,
      ),
    async getIssue(issue) {
      try {
        return (
          await client.request<ApiIssue>(
            'GET /repos/{owner}/{repo}/issues/{issue_number}',
            { issue_number: issue },
            `read issue #${issue}`,
          )
        ).data;
      } catch (error) {
        if (error instanceof HarnessError && error.code === 'GITHUB_NOT_FOUND') return undefined;
        throw error;
      }
    },
  };
}

const labelNames = (issue: ApiIssue): string[] =>
  issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '');

export interface Candidates {
  candidates: CandidateIssue[];
  /** References to issues that do not exist; they block nothing. */
  notes: string[];
}

export async function fetchCandidates(source: IssueSource, labels: string[]): Promise<Candidates> {
  const wanted = labels.map((l) => l.toLowerCase());
  const listed = (await source.listOpenIssues(labels)).filter(
    (i) =>
      i.pull_request === undefined &&
      i.state === 'open' &&
      wanted.every((w) => labelNames(i).some((n) => n.toLowerCase() === w)),
  );
  const known = new Map<number, boolean>(listed.map((i) => [i.number, true]));
  const notes: string[] = [];
  const raw = await Promise.all(
    listed.map(async (issue) => {
      const refs = new Map<number, boolean | undefined>(parseBodyDependencies(issue.body).map((n) => [n, undefined]));
      const linked = [
        ...((issue.issue_dependencies_summary?.total_blocked_by ?? 0) > 0 ? await source.blockedBy(issue.number) : []),
        // A parent waits for its children.
        ...((issue.sub_issues_summary?.total ?? 0) > 0 ? await source.subIssues(issue.number) : []),
      ];
      for (const l of linked) refs.set(l.number, l.state === 'open');
      return { issue, refs };
    }),
  );
  const unknown = [
    ...new Set(
      raw.flatMap((r) => [...r.refs].filter(([n, open]) => open === undefined && !known.has(n)).map(([n]) => n)),
    ),
  ];
  const states = await Promise.all(unknown.map(async (n) => [n, await source.getIssue(n)] as const));
  for (const [n, found] of states) {
    if (found === undefined) notes.push(`#${n} is referenced as a blocker but does not exist; it blocks nothing`);
    known.set(n, found !== undefined && found.state === 'open' && found.pull_request === undefined);
  }
  const candidates = raw.map(
    ({ issue, refs }): CandidateIssue => ({
      number: issue.number,
      title: issue.title,
      labels: labelNames(issue),
      createdAt: issue.created_at,
      blockers: [...refs].map(([number, open]): BlockerRef => ({ number, open: open ?? known.get(number) ?? false })),
    }),
  );
  return { candidates, notes };
}
