import { describe, expect, it } from 'vitest';
import { createRequestValidator } from './request-validator.js';

const validator = createRequestValidator();
const create = (body: unknown, query = '') =>
  validator.validateRequest({
    method: 'POST',
    template: '/repos/{owner}/{repo}/rulesets',
    pathParams: { owner: 'o', repo: 'r' },
    query: new URLSearchParams(query),
    body,
  });
const valid = {
  name: 'main',
  target: 'branch',
  enforcement: 'active',
  bypass_actors: [],
  conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
  rules: [
    { type: 'deletion' },
    {
      type: 'required_status_checks',
      parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'ci' }] },
    },
  ],
};

describe('createRequestValidator', () => {
  it('accepts a complete ruleset body', () => {
    expect(create(valid)).toEqual([]);
  });

  it('names the one missing parameter of a rule, not every oneOf branch', () => {
    const problems = create({
      ...valid,
      rules: [
        {
          type: 'pull_request',
          parameters: {
            required_approving_review_count: 1,
            dismiss_stale_reviews_on_push: false,
            require_code_owner_review: false,
            require_last_push_approval: false,
          },
        },
      ],
    });
    expect(problems).toEqual([
      "POST /repos/{owner}/{repo}/rulesets (repos/create-repo-ruleset): body /rules/0/parameters must have required property 'required_review_thread_resolution'",
    ]);
  });

  it('rejects an unknown rule type, a bad enum, null and a read-only key left in', () => {
    expect(create({ ...valid, rules: [{ type: 'no_such_rule' }] })).toEqual([
      expect.stringContaining(
        'body /rules/0 has type "no_such_rule", which is not one of the types GitHub\'s description allows',
      ),
    ]);
    expect(create({ ...valid, enforcement: 'enabled' })).toEqual([
      expect.stringContaining(
        'body /enforcement must be equal to one of the allowed values ("disabled", "active", "evaluate")',
      ),
    ]);
    expect(create({ ...valid, bypass_actors: null })).toEqual([
      expect.stringContaining('body /bypass_actors must be array'),
    ]);
    expect(create({ ...valid, id: 42, source_type: 'Repository' })).toEqual([
      expect.stringContaining('unknown top-level key "id"'),
      expect.stringContaining('unknown top-level key "source_type"'),
    ]);
  });

  it('checks path and query parameters', () => {
    const get = (id: string, query: string) =>
      validator.validateRequest({
        method: 'GET',
        template: '/repos/{owner}/{repo}/rulesets/{ruleset_id}',
        pathParams: { owner: 'o', repo: 'r', ruleset_id: id },
        query: new URLSearchParams(query),
        body: undefined,
      });
    expect(get('12', 'includes_parents=false')).toEqual([]);
    expect(get('abc', '')).toEqual([expect.stringContaining('path parameter "ruleset_id"="abc" must be integer')]);
    expect(get('12', 'include_parents=true')).toEqual([
      expect.stringContaining('unknown query parameter "include_parents"'),
    ]);
    expect(
      validator.validateRequest({
        method: 'GET',
        template: '/repos/{owner}/{repo}/rulesets',
        pathParams: { owner: 'o', repo: 'r' },
        query: new URLSearchParams('per_page=all'),
        body: undefined,
      }),
    ).toEqual([expect.stringContaining('query parameter "per_page"="all" must be integer')]);
  });

  it('accepts a nullable field without a type as null (OpenAPI 3.0 nullable rewritten)', () => {
    const response = { id: 1, name: 'main', source: 'o/r', enforcement: 'active', conditions: null, rules: [] };
    expect(validator.validateResponse('GET', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', 200, response)).toEqual([]);
  });
});
