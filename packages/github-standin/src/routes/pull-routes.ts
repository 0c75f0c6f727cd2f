// Pull request operations (https://docs.github.com/en/rest/pulls): list (by head
// `owner:branch` and state), create (422 on a second open PR for the same head, as
// GitHub does), get, merge (409 when `sha` is not the head, 405 when GitHub would
// refuse), reviews; check runs and the combined status of a ref
// (https://docs.github.com/en/rest/checks/runs, …/commits/statuses).
import type { Route, RouteRequest, RouteResponse } from '../route-table.js';
import { asObject, notFound, validationFailed } from '../route-table.js';
import type { StandinRepository, StateStore } from '../state-store.js';
import { branchRules } from './branch-rule-routes.js';
import { page } from './issue-routes.js';
import { renderCheckRun, renderPull, renderRepository, renderReview, renderStatus } from './pull-rendering.js';
import type { PullState, StoredPull } from './pull-store.js';
import { addPull, pullsOf } from './pull-store.js';

const pulls = '/repos/{owner}/{repo}/pulls';
const one = '/repos/{owner}/{repo}/pulls/{pull_number}';

type Found = { repository: StandinRepository; state: PullState; pull: StoredPull } | { response: RouteResponse };

function repositoryOf(request: RouteRequest, store: StateStore): StandinRepository | undefined {
  return store.repository(request.params.owner ?? '', request.params.repo ?? '');
}

function find(request: RouteRequest, store: StateStore): Found {
  const repository = repositoryOf(request, store);
  if (repository === undefined) return { response: notFound() };
  const state = pullsOf(repository);
  const pull = state.pulls.get(Number(request.params.pull_number));
  return pull === undefined ? { response: notFound() } : { repository, state, pull };
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

const headOf = (state: PullState, pull: StoredPull) => state.resolveRef(pull.head) ?? '0'.repeat(40);

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    template: pulls,
    handle(request, store) {
      const repository = repositoryOf(request, store);
      if (repository === undefined) return notFound();
      const state = pullsOf(repository);
      const wanted = request.query.get('state') ?? 'open';
      const head = request.query.get('head');
      const list = [...state.pulls.values()]
        .filter((p) => wanted === 'all' || p.issue.state === wanted)
        .filter((p) => head === null || `${repository.owner}:${p.head}`.toLowerCase() === head.toLowerCase())
        .map((p) => renderPull(p, headOf(state, p), repository, request.baseUrl, false));
      return page(request, list, `/repos/${repository.owner}/${repository.repo}/pulls`);
    },
  },
  {
    method: 'POST',
    template: pulls,
    handle(request, store) {
      const repository = repositoryOf(request, store);
      if (repository === undefined) return notFound();
      const state = pullsOf(repository);
      const body = asObject(request.body);
      const head = text(body.head, '').replace(/^[^:]+:/, '');
      if (state.resolveRef(head) === undefined)
        return validationFailed('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
      if ([...state.pulls.values()].some((p) => p.head === head && p.issue.state === 'open')) {
        return validationFailed('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repository.owner}:${head}.`,
          },
        ]);
      }
      const pull = addPull(repository, {
        title: text(body.title, ''),
        body: typeof body.body === 'string' ? body.body : null,
        head,
        base: text(body.base, 'main'),
        draft: body.draft === true,
      });
      return { status: 201, body: renderPull(pull, headOf(state, pull), repository, request.baseUrl, true) };
    },
  },
  {
    method: 'GET',
    template: one,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      return {
        status: 200,
        body: renderPull(found.pull, headOf(found.state, found.pull), found.repository, request.baseUrl, true),
      };
    },
  },
  {
    method: 'PUT',
    template: `${one}/merge`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const { pull, state } = found;
      const sha = asObject(request.body).sha;
      if (pull.merged || pull.issue.state !== 'open')
        return {
          status: 405,
          body: {
            message: 'Pull Request is not mergeable',
            documentation_url: 'https://docs.github.com/rest',
            status: '405',
          },
        };
      if (typeof sha === 'string' && sha !== headOf(state, pull))
        return {
          status: 409,
          body: {
            message: 'Head branch was modified. Review and try the merge again.',
            documentation_url: 'https://docs.github.com/rest',
            status: '409',
          },
        };
      if (branchRules(store, found.repository, pull.base).some((r) => r.type === 'merge_queue')) {
        return {
          status: 405,
          body: {
            message: 'Changes must be made through the merge queue',
            documentation_url: 'https://docs.github.com/rest',
            status: '405',
          },
        };
      }
      if (pull.mergeableState !== 'clean')
        return {
          status: 405,
          body: {
            message: 'Pull Request is not mergeable',
            documentation_url: 'https://docs.github.com/rest',
            status: '405',
          },
        };
      const mergeSha = state.onMerge(pull);
      pull.merged = true;
      pull.mergedAt = new Date().toISOString();
      pull.mergeCommitSha = mergeSha;
      pull.issue.state = 'closed';
      pull.issue.closedAt = pull.mergedAt;
      return { status: 200, body: { sha: mergeSha, merged: true, message: 'Pull Request successfully merged' } };
    },
  },
  {
    method: 'GET',
    template: `${one}/reviews`,
    handle(request, store) {
      const found = find(request, store);
      if ('response' in found) return found.response;
      const { pull, repository } = found;
      return page(
        request,
        pull.reviews.map((r) => renderReview(r, pull.issue.number, repository, request.baseUrl)),
        `/repos/${repository.owner}/${repository.repo}/pulls/${pull.issue.number}/reviews`,
      );
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    handle(request, store) {
      const repository = repositoryOf(request, store);
      if (repository === undefined) return notFound();
      const state = pullsOf(repository);
      const sha = state.resolveRef(request.params.ref ?? '') ?? request.params.ref;
      const runs = state.checkRuns
        .filter((r) => r.headSha === sha)
        .map((r) => renderCheckRun(r, repository, request.baseUrl));
      return { status: 200, body: { total_count: runs.length, check_runs: runs } };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits/{ref}/status',
    handle(request, store) {
      const repository = repositoryOf(request, store);
      if (repository === undefined) return notFound();
      const state = pullsOf(repository);
      const sha = state.resolveRef(request.params.ref ?? '') ?? request.params.ref ?? '';
      const latest = new Map(state.statuses.filter((s) => s.sha === sha).map((s) => [s.context, s]));
      const statuses = [...latest.values()];
      const combined = statuses.some((s) => s.state === 'failure' || s.state === 'error')
        ? 'failure'
        : statuses.every((s) => s.state === 'success') && statuses.length > 0
          ? 'success'
          : 'pending';
      const url = `${request.baseUrl}/repos/${repository.owner}/${repository.repo}/commits/${sha}`;
      return {
        status: 200,
        body: {
          state: combined,
          sha,
          total_count: statuses.length,
          statuses: statuses.map((s) => renderStatus(s, repository, request.baseUrl)),
          repository: renderRepository(repository, request.baseUrl),
          commit_url: url,
          url: `${url}/status`,
        },
      };
    },
  },
];
