// The rules that apply to a branch (https://docs.github.com/en/rest/repos/rules#get-rules-for-a-branch),
// computed from the stand-in's active rulesets, and merging through the queue
// (`PUT …/pulls/{pull_number}/merge-async`): 405 from plain merge when the branch
// requires a queue, as GitHub answers.
import type { Route } from '../route-table.js';
import { asObject, notFound } from '../route-table.js';
import type { StandinRepository, StateStore, StoredRuleset } from '../state-store.js';
import { pullsOf } from './pull-store.js';

function matches(pattern: string, branch: string): boolean {
  if (pattern === '~ALL') return true;
  if (pattern === '~DEFAULT_BRANCH') return branch === 'main';
  const name = pattern.replace(/^refs\/heads\//, '');
  return new RegExp(
    `^${name
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(branch);
}

function applies(ruleset: StoredRuleset, branch: string): boolean {
  const body = ruleset.body;
  if (body.enforcement !== 'active' || (body.target ?? 'branch') !== 'branch') return false;
  const refName = asObject(asObject(body.conditions).ref_name);
  const include = Array.isArray(refName.include) ? (refName.include as string[]) : [];
  const exclude = Array.isArray(refName.exclude) ? (refName.exclude as string[]) : [];
  return include.some((p) => matches(p, branch)) && !exclude.some((p) => matches(p, branch));
}

/** Every active rule on the branch, each with the ruleset it came from. */
export function branchRules(
  store: StateStore,
  repository: StandinRepository,
  branch: string,
): Record<string, unknown>[] {
  return store
    .rulesetsFor(repository, true)
    .filter((r) => applies(r, branch))
    .flatMap((r) =>
      (Array.isArray(r.body.rules) ? (r.body.rules as Record<string, unknown>[]) : []).map((rule) => ({
        ...rule,
        ruleset_source_type: r.sourceType === 'Enterprise' ? 'Organization' : r.sourceType,
        ruleset_source: r.source,
        ruleset_id: r.id,
      })),
    );
}

export const branchRuleRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/rules/branches/{branch}',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      return { status: 200, body: branchRules(store, repository, request.params.branch ?? '') };
    },
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/merge-async',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const state = pullsOf(repository);
      const pull = state.pulls.get(Number(request.params.pull_number));
      if (pull === undefined) return notFound();
      const body = asObject(request.body);
      const head = state.resolveRef(pull.head) ?? '';
      if (typeof body.sha === 'string' && body.sha !== head)
        return {
          status: 409,
          body: {
            message: 'Head branch was modified. Review and try the merge again.',
            documentation_url: 'https://docs.github.com/rest',
            status: '409',
          },
        };
      pull.queued = true;
      const method = typeof body.merge_method === 'string' ? body.merge_method : 'default';
      return {
        status: 202,
        body: {
          status: 'enqueued',
          details: {
            message: 'Merge request enqueued.',
            uuid: `00000000-0000-4000-8000-${String(pull.issue.number).padStart(12, '0')}`,
            merge_method: method,
            merge_action: 'merge_queue',
            expected_head_sha: head,
          },
        },
      };
    },
  },
];
