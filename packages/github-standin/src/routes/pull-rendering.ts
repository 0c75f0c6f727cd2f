// Pull requests, repositories, reviews, check runs and statuses as GitHub renders
// them (https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request): every
// field the OpenAPI schemas require.
import type { StandinRepository } from '../state-store.js';
import { renderLabel, renderUser } from './issue-rendering.js';
import type { StoredCheckRun, StoredPull, StoredReview, StoredStatus } from './pull-store.js';

const urlFields = [
  'archive',
  'assignees',
  'blobs',
  'branches',
  'collaborators',
  'comments',
  'commits',
  'compare',
  'contents',
  'contributors',
  'deployments',
  'downloads',
  'events',
  'forks',
  'git_commits',
  'git_refs',
  'git_tags',
  'hooks',
  'issue_comment',
  'issue_events',
  'issues',
  'keys',
  'labels',
  'languages',
  'merges',
  'milestones',
  'notifications',
  'pulls',
  'releases',
  'stargazers',
  'statuses',
  'subscribers',
  'subscription',
  'tags',
  'teams',
  'trees',
];

export function renderRepository(repository: StandinRepository, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/repos/${repository.owner}/${repository.repo}`;
  const web = `https://github.com/${repository.owner}/${repository.repo}`;
  return {
    ...Object.fromEntries(urlFields.map((f) => [`${f}_url`, `${url}/${f}`])),
    id: 4242,
    node_id: 'R_4242',
    name: repository.repo,
    full_name: `${repository.owner}/${repository.repo}`,
    owner: renderUser(repository.owner, baseUrl),
    private: repository.private,
    html_url: web,
    description: null,
    fork: false,
    url,
    clone_url: `${web}.git`,
    git_url: `git://github.com/${repository.owner}/${repository.repo}.git`,
    ssh_url: `git@github.com:${repository.owner}/${repository.repo}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    open_issues: 0,
    open_issues_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: null,
    created_at: null,
    updated_at: null,
  };
}

export function renderPull(
  pull: StoredPull,
  headSha: string,
  repository: StandinRepository,
  baseUrl: string,
  full: boolean,
): Record<string, unknown> {
  const simple = renderSimplePull(pull, headSha, repository, baseUrl);
  return full ? { ...simple, ...pullDetails(pull) } : simple;
}

/** The `pull-request-simple` fields, what the PR list returns. */
function renderSimplePull(
  pull: StoredPull,
  headSha: string,
  repository: StandinRepository,
  baseUrl: string,
): Record<string, unknown> {
  const repoUrl = `${baseUrl}/repos/${repository.owner}/${repository.repo}`;
  const url = `${repoUrl}/pulls/${pull.issue.number}`;
  const web = `https://github.com/${repository.owner}/${repository.repo}/pull/${pull.issue.number}`;
  const links = pullLinks(pull, headSha, repoUrl, web);
  const side = { repo: renderRepository(repository, baseUrl), user: renderUser(repository.owner, baseUrl) };
  const ref = (name: string, sha: string) => ({ label: `${repository.owner}:${name}`, ref: name, sha, ...side });
  return {
    url,
    id: pull.issue.id,
    node_id: `PR_${pull.issue.id}`,
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: links.issue,
    commits_url: links.commits,
    review_comments_url: links.review_comments,
    review_comment_url: links.review_comment,
    comments_url: links.comments,
    statuses_url: links.statuses,
    number: pull.issue.number,
    state: pull.issue.state,
    locked: false,
    title: pull.issue.title,
    user: renderUser(pull.issue.user, baseUrl),
    body: pull.issue.body,
    labels: pull.issue.labels.map((n) => renderLabel(n, repository, baseUrl)),
    milestone: null,
    created_at: pull.issue.createdAt,
    updated_at: pull.issue.updatedAt,
    closed_at: pull.issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    head: ref(pull.head, headSha),
    base: ref(pull.base, 'b'.repeat(40)),
    _links: Object.fromEntries(Object.entries(links).map(([k, href]) => [k, { href }])),
    author_association: 'NONE',
    auto_merge: null,
    draft: pull.draft,
  };
}

function pullLinks(pull: StoredPull, headSha: string, repoUrl: string, web: string): Record<string, string> {
  const url = `${repoUrl}/pulls/${pull.issue.number}`;
  return {
    self: url,
    html: web,
    issue: `${repoUrl}/issues/${pull.issue.number}`,
    comments: `${repoUrl}/issues/${pull.issue.number}/comments`,
    review_comments: `${url}/comments`,
    review_comment: `${repoUrl}/pulls/comments{/number}`,
    commits: `${url}/commits`,
    statuses: `${repoUrl}/statuses/${headSha}`,
  };
}

/** The fields a single PR (`GET …/pulls/{n}`) adds to the simple ones. */
function pullDetails(pull: StoredPull): Record<string, unknown> {
  const mergeable = pull.merged
    ? null
    : pull.mergeableState === 'dirty'
      ? false
      : pull.mergeableState === 'unknown'
        ? null
        : true;
  return {
    merged: pull.merged,
    mergeable,
    mergeable_state: pull.mergeableState,
    merged_by: null,
    comments: pull.issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

export function renderReview(
  review: StoredReview,
  pullNumber: number,
  repository: StandinRepository,
  baseUrl: string,
): Record<string, unknown> {
  const web = `https://github.com/${repository.owner}/${repository.repo}/pull/${pullNumber}`;
  const pr = `${baseUrl}/repos/${repository.owner}/${repository.repo}/pulls/${pullNumber}`;
  return {
    id: review.id,
    node_id: `PRR_${review.id}`,
    user: renderUser(review.user, baseUrl),
    body: review.body,
    state: review.state,
    commit_id: review.commitId,
    html_url: `${web}#pullrequestreview-${review.id}`,
    pull_request_url: pr,
    _links: { html: { href: web }, pull_request: { href: pr } },
    author_association: 'MEMBER',
    submitted_at: '2026-01-01T00:00:00Z',
  };
}

export function renderCheckRun(
  run: StoredCheckRun,
  repository: StandinRepository,
  baseUrl: string,
): Record<string, unknown> {
  const url = `${baseUrl}/repos/${repository.owner}/${repository.repo}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.headSha,
    name: run.name,
    url,
    html_url: `https://github.com/${repository.owner}/${repository.repo}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: '2026-01-01T00:00:00Z',
    completed_at: run.status === 'completed' ? '2026-01-01T00:01:00Z' : null,
    external_id: null,
    check_suite: { id: run.id + 1 },
    output: {
      title: run.name,
      summary: run.summary,
      text: null,
      annotations_count: 0,
      annotations_url: `${url}/annotations`,
    },
    app: null,
    pull_requests: [],
  };
}

export function renderStatus(
  status: StoredStatus,
  repository: StandinRepository,
  baseUrl: string,
): Record<string, unknown> {
  return {
    id: status.id,
    node_id: `SC_${status.id}`,
    state: status.state,
    context: status.context,
    description: status.description,
    target_url: null,
    avatar_url: null,
    url: `${baseUrl}/repos/${repository.owner}/${repository.repo}/statuses/${status.sha}`,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}
