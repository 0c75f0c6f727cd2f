// The repository ruleset operations (https://docs.github.com/en/rest/repos/rules):
// list (summaries, own and parents', paginated), get, create, update (a
// top-level partial update: absent fields stay, present ones are replaced
// wholesale) and delete.
import type { Route, RouteRequest, RouteResponse } from '../route-table.js';
import { asObject, notFound, validationFailed } from '../route-table.js';
import type { StandinRepository, StateStore, StoredRuleset } from '../state-store.js';
import { renderRuleset, renderSummary } from './ruleset-rendering.js';

const list = '/repos/{owner}/{repo}/rulesets';
const one = '/repos/{owner}/{repo}/rulesets/{ruleset_id}';

type Found = { repository: StandinRepository } | { response: RouteResponse };

function findRepository(request: RouteRequest, state: StateStore): Found {
  const repository = state.repository(request.params.owner ?? '', request.params.repo ?? '');
  if (repository === undefined) return { response: notFound() };
  if (repository.private && !repository.planIncludesRulesets) {
    return {
      response: {
        status: 403,
        body: {
          message: 'Upgrade to GitHub Pro or make this repository public to enable this feature.',
          documentation_url: 'https://docs.github.com/rest',
          status: '403',
        },
      },
    };
  }
  if (request.method !== 'GET' && !request.token.administration) {
    return {
      response: {
        status: 403,
        body: {
          message: 'Resource not accessible by personal access token',
          documentation_url: 'https://docs.github.com/rest',
          status: '403',
        },
      },
    };
  }
  return { repository };
}

function findRuleset(
  request: RouteRequest,
  state: StateStore,
  repository: StandinRepository,
  ownOnly: boolean,
): StoredRuleset | undefined {
  const id = Number(request.params.ruleset_id);
  const includeParents = !ownOnly && request.query.get('includes_parents') !== 'false';
  return state.rulesetsFor(repository, includeParents).find((r) => r.id === id);
}

function nameTaken(repository: StandinRepository, name: unknown, except?: number): boolean {
  return [...repository.rulesets.values()].some((r) => r.id !== except && r.body.name === name);
}

export const rulesetRoutes: Route[] = [
  {
    method: 'GET',
    template: list,
    handle(request, state) {
      const found = findRepository(request, state);
      if ('response' in found) return found.response;
      const targets = request.query.get('targets')?.split(',');
      const all = state
        .rulesetsFor(found.repository, request.query.get('includes_parents') !== 'false')
        .filter(
          (r) =>
            targets === undefined || targets.includes(typeof r.body.target === 'string' ? r.body.target : 'branch'),
        );
      const perPage = Number(request.query.get('per_page') ?? 30);
      const page = Number(request.query.get('page') ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URLSearchParams(request.query);
        next.set('page', String(page + 1));
        headers.link = `<${request.baseUrl}/repos/${found.repository.owner}/${found.repository.repo}/rulesets?${next.toString()}>; rel="next"`;
      }
      return { status: 200, headers, body: slice.map((r) => renderSummary(r, found.repository, request.baseUrl)) };
    },
  },
  {
    method: 'GET',
    template: one,
    handle(request, state) {
      const found = findRepository(request, state);
      if ('response' in found) return found.response;
      const ruleset = findRuleset(request, state, found.repository, false);
      return ruleset === undefined
        ? notFound()
        : { status: 200, body: renderRuleset(ruleset, found.repository, request.token, request.baseUrl) };
    },
  },
  {
    method: 'POST',
    template: list,
    handle(request, state) {
      const found = findRepository(request, state);
      if ('response' in found) return found.response;
      const body = asObject(request.body);
      if (nameTaken(found.repository, body.name)) return validationFailed('Validation Failed', ['Name must be unique']);
      const ruleset = state.addRuleset(`${found.repository.owner}/${found.repository.repo}`, structuredClone(body));
      return { status: 201, body: renderRuleset(ruleset, found.repository, request.token, request.baseUrl) };
    },
  },
  {
    method: 'PUT',
    template: one,
    handle(request, state) {
      const found = findRepository(request, state);
      if ('response' in found) return found.response;
      const ruleset = findRuleset(request, state, found.repository, true);
      if (ruleset === undefined) return notFound();
      const body = asObject(request.body);
      if (body.name !== undefined && nameTaken(found.repository, body.name, ruleset.id))
        return validationFailed('Validation Failed', ['Name must be unique']);
      ruleset.body = { ...ruleset.body, ...structuredClone(body) };
      ruleset.updatedAt = state.now().toISOString();
      return { status: 200, body: renderRuleset(ruleset, found.repository, request.token, request.baseUrl) };
    },
  },
  {
    method: 'DELETE',
    template: one,
    handle(request, state) {
      const found = findRepository(request, state);
      if ('response' in found) return found.response;
      const ruleset = findRuleset(request, state, found.repository, true);
      if (ruleset === undefined) return notFound();
      found.repository.rulesets.delete(ruleset.id);
      return { status: 204 };
    },
  },
];
