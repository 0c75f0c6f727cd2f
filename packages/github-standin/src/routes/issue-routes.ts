// Issue operations (https://docs.github.com/en/rest/issues): list a repository's
// issues (pull requests included, as GitHub does) by state and labels, get one,
// comments, labels, blocked-by dependencies and sub-issues.
import type { Route, RouteRequest, RouteResponse } from '../route-table.js';
import { asObject, notFound, validationFailed } from '../route-table.js';
import type { StandinRepository, StateStore } from '../state-store.js';
import { renderComment, renderIssue, renderLabel } from './issue-rendering.js';
import type { IssueState, StoredIssue } from './issue-store.js';
import { issuesOf, nextId } from './issue-store.js';

const issues = '/repos/{owner}/{repo}/issues';
const one = '/repos/{owner}/{repo}/issues/{issue_number}';

type Found = { repository: StandinRepository; state: IssueState; issue: StoredIssue } | { response: RouteResponse };

function find(request: RouteRequest, store: StateStore): Found {
  const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
  if (repository === undefined) return { response: notFound() };
  const state = issuesOf(repository);
  const issue = state.issues.get(Number(request.params.issue_number));
  if (issue === undefined) return { response: notFound() };
  return { repository, state, issue };
}

/** One page of a list, with GitHub's Link header when more follow. */
export function page(request: RouteRequest, items: unknown[], path: string): RouteResponse {
  const perPage = Number(request.query.get('per_page') ?? 30);
  const number = Number(request.query.get('page') ?? 1);
  const headers: Record<string, string> = {};
  if (number * perPage < items.length) {
    const next = new URLSearchParams(request.query);
    next.set('page', String(number + 1));
    headers.link = `<${request.baseUrl}${path}?${next.toString()}>; rel="next"`;
  }
  return { status: 200, headers, body: items.slice((number - 1) * perPage, number * perPage) };
}

const touch = (state: IssueState, issue: StoredIssue) => (issue.updatedAt = state.now().toISOString());

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    template: issues,
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const state = issuesOf(repository);
      const wantedState = request.query.get('state') ?? 'open';
      const labels = (request.query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l !== '');
      const descending = (request.query.get('direction') ?? 'desc') === 'desc';
      const list = [...state.issues.values()]
        .filter((i) => wantedState === 'all' || i.state === wantedState)
        .filter((i) => labels.every((l) => i.labels.some((n) => n.toLowerCase() === l)))
        .sort((a, b) => (descending ? b.number - a.number : a.number - b.number))
        .map((i) => renderIssue(i, repository, state, request.baseUrl));
      return page(request, list, `/repos/${repository.owner}/${repository.repo}/issues`);
    },
  },
  {
    method: 'GET',
    template: one,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      return { status: 200, body: renderIssue(found.issue, found.repository, found.state, request.baseUrl) };
    },
  },
  {
    method: 'GET',
    template: `${one}/comments`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const { issue, repository } = found;
      return page(
        request,
        issue.comments.map((c) => renderComment(c, issue, repository, request.baseUrl)),
        `/repos/${repository.owner}/${repository.repo}/issues/${issue.number}/comments`,
      );
    },
  },
  {
    method: 'POST',
    template: `${one}/comments`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const comment = {
        id: nextId(found.state),
        body: String(asObject(request.body).body),
        user: 'harness-bot[bot]',
        createdAt: found.state.now().toISOString(),
      };
      found.issue.comments.push(comment);
      touch(found.state, found.issue);
      return { status: 201, body: renderComment(comment, found.issue, found.repository, request.baseUrl) };
    },
  },
  {
    method: 'POST',
    template: `${one}/labels`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const raw = Array.isArray(request.body) ? request.body : asObject(request.body).labels;
      const names = (Array.isArray(raw) ? raw : []).map((l: unknown) =>
        typeof l === 'string' ? l : String(asObject(l).name),
      );
      for (const name of names)
        if (!found.issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) found.issue.labels.push(name);
      touch(found.state, found.issue);
      return { status: 200, body: found.issue.labels.map((n) => renderLabel(n, found.repository, request.baseUrl)) };
    },
  },
  {
    method: 'DELETE',
    template: `${one}/labels/{name}`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const name = (request.params.name ?? '').toLowerCase();
      if (!found.issue.labels.some((l) => l.toLowerCase() === name))
        return {
          status: 404,
          body: { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest', status: '404' },
        };
      found.issue.labels = found.issue.labels.filter((l) => l.toLowerCase() !== name);
      touch(found.state, found.issue);
      return { status: 200, body: found.issue.labels.map((n) => renderLabel(n, found.repository, request.baseUrl)) };
    },
  },
  ...relationRoutes('dependencies/blocked_by', 'issue_id', (issue) => issue.blockedBy, 201),
  ...relationRoutes('sub_issues', 'sub_issue_id', (issue) => issue.subIssues, 201),
];

/** A list of related issues (blockers, sub-issues): read it, or add one by its id (not its number). */
function relationRoutes(
  suffix: string,
  idKey: string,
  related: (issue: StoredIssue) => number[],
  createdStatus: number,
): Route[] {
  return [
    {
      method: 'GET',
      template: `${one}/${suffix}`,
      handle(request, store) {
        const found = find(request, store);
        if ('response' in found) return found.response;
        const { issue, repository, state } = found;
        const list = related(issue)
          .map((n) => state.issues.get(n))
          .filter((i) => i !== undefined)
          .map((i) => renderIssue(i, repository, state, request.baseUrl));
        return page(request, list, `/repos/${repository.owner}/${repository.repo}/issues/${issue.number}/${suffix}`);
      },
    },
    {
      method: 'POST',
      template: `${one}/${suffix}`,
      handle(request, store) {
        const found = find(request, store);
        if ('response' in found) return found.response;
        const id = asObject(request.body)[idKey];
        const other = [...found.state.issues.values()].find((i) => i.id === id);
        if (other === undefined)
          return validationFailed(
            `${idKey} ${String(id)} is not an issue of this repository (it takes the issue's id, not its number)`,
          );
        if (!related(found.issue).includes(other.number)) related(found.issue).push(other.number);
        touch(found.state, found.issue);
        return {
          status: createdStatus,
          body: renderIssue(found.issue, found.repository, found.state, request.baseUrl),
        };
      },
    },
  ];
}
