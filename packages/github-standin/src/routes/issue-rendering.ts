// Issues, users, labels and comments as GitHub renders them
// (https://docs.github.com/en/rest/issues/issues#get-an-issue): every field the
// OpenAPI `issue` schema requires, URLs under the stand-in's own base URL.
import type { StandinRepository } from '../state-store.js';
import type { IssueState, StoredComment, StoredIssue } from './issue-store.js';

export function renderUser(login: string, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: login === 'octocat' ? 1 : 2,
    node_id: `U_${login}`,
    avatar_url: `${baseUrl}/avatars/${encodeURIComponent(login)}`,
    gravatar_id: '',
    url,
    html_url: `${baseUrl}/${encodeURIComponent(login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

export function renderLabel(name: string, repository: StandinRepository, baseUrl: string): Record<string, unknown> {
  const id = [...name].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 1_000_000;
  return {
    id,
    node_id: `LA_${id}`,
    url: `${baseUrl}/repos/${repository.owner}/${repository.repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

export function renderIssue(
  issue: StoredIssue,
  repository: StandinRepository,
  state: IssueState,
  baseUrl: string,
): Record<string, unknown> {
  const repoUrl = `${baseUrl}/repos/${repository.owner}/${repository.repo}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `https://github.com/${repository.owner}/${repository.repo}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: renderUser(issue.user, baseUrl),
    labels: issue.labels.map((name) => renderLabel(name, repository, baseUrl)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: 'OWNER',
    ...(issue.isPullRequest ? { pull_request: pullRequestLink(issue, repository, repoUrl) } : {}),
    sub_issues_summary: subIssuesSummary(issue, state),
    issue_dependencies_summary: dependenciesSummary(issue, state),
  };
}

/** The `pull_request` field of an issue that is a PR. */
function pullRequestLink(issue: StoredIssue, repository: StandinRepository, repoUrl: string): Record<string, unknown> {
  return {
    url: `${repoUrl}/pulls/${issue.number}`,
    html_url: `https://github.com/${repository.owner}/${repository.repo}/pull/${issue.number}`,
    diff_url: null,
    patch_url: null,
    merged_at: null,
  };
}

function subIssuesSummary(issue: StoredIssue, state: IssueState): Record<string, number> {
  const children = issue.subIssues.map((n) => state.issues.get(n)).filter((i) => i !== undefined);
  const completed = children.filter((c) => c.state === 'closed').length;
  return {
    total: children.length,
    completed,
    percent_completed: children.length === 0 ? 0 : Math.floor((completed * 100) / children.length),
  };
}

/** Open blockers of this issue, and the issues it blocks (open and all). */
function dependenciesSummary(issue: StoredIssue, state: IssueState): Record<string, number> {
  const blocking = [...state.issues.values()].filter((i) => i.blockedBy.includes(issue.number));
  const openBlockers = issue.blockedBy.filter((n) => state.issues.get(n)?.state === 'open');
  return {
    blocked_by: openBlockers.length,
    blocking: blocking.filter((b) => b.state === 'open').length,
    total_blocked_by: issue.blockedBy.length,
    total_blocking: blocking.length,
  };
}

export function renderComment(
  comment: StoredComment,
  issue: StoredIssue,
  repository: StandinRepository,
  baseUrl: string,
): Record<string, unknown> {
  const repoUrl = `${baseUrl}/repos/${repository.owner}/${repository.repo}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repository.owner}/${repository.repo}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${issue.number}`,
    body: comment.body,
    user: renderUser(comment.user, baseUrl),
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
    author_association: 'OWNER',
  };
}
