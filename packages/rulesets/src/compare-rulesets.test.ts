import { describe, expect, it } from 'vitest';
import { compareRuleset } from './compare-rulesets.js';
import { toRequestBody } from './request-body.js';

const desired = toRequestBody({
  name: 'main',
  enforcement: 'active',
  conditions: { ref_name: { include: ['~DEFAULT_BRANCH'] } },
  rules: [
    { type: 'deletion' },
    {
      type: 'pull_request',
      parameters: {
        required_approving_review_count: 1,
        dismiss_stale_reviews_on_push: false,
        require_code_owner_review: false,
        require_last_push_approval: false,
        required_review_thread_resolution: true,
      },
    },
    {
      type: 'required_status_checks',
      parameters: {
        strict_required_status_checks_policy: false,
        required_status_checks: [{ context: 'ci' }, { context: 'lint' }],
      },
    },
  ],
  bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole' }],
});

/** What GitHub answers for the same ruleset: defaults filled in, order changed, extra keys. */
const live = {
  id: 7,
  name: 'main',
  target: 'branch',
  source_type: 'Repository',
  source: 'o/r',
  enforcement: 'active',
  conditions: { ref_name: { exclude: [], include: ['~DEFAULT_BRANCH'] } },
  rules: [
    {
      type: 'required_status_checks',
      parameters: {
        do_not_enforce_on_create: false,
        strict_required_status_checks_policy: false,
        required_status_checks: [{ context: 'lint' }, { context: 'ci', integration_id: 15368 }],
      },
    },
    {
      type: 'pull_request',
      parameters: {
        allowed_merge_methods: ['squash', 'merge', 'rebase'],
        required_reviewers: [],
        require_extra_approval_for_unattributed_changes: false,
        required_approving_review_count: 1,
        dismiss_stale_reviews_on_push: false,
        require_code_owner_review: false,
        require_last_push_approval: false,
        required_review_thread_resolution: true,
      },
    },
    { type: 'deletion' },
  ],
  bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
  current_user_can_bypass: 'always',
  node_id: 'RRS_7',
};

describe('compareRuleset', () => {
  it('sees no change through defaults, reordering, integration ids and unknown keys', () => {
    expect(compareRuleset(desired, live)).toEqual({ changes: [], bypassActorsHidden: false });
  });

  it('finds a changed parameter, a rule removed by hand, a check added by hand', () => {
    const changed = structuredClone(live);
    changed.rules = [
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: 'ci' }, { context: 'lint' }, { context: 'e2e' }],
        },
      },
      { ...live.rules[1], parameters: { ...live.rules[1]?.parameters, required_approving_review_count: 0 } },
    ] as typeof live.rules;
    expect(compareRuleset(desired, changed).changes).toEqual([
      { path: 'rules[deletion]', github: undefined, file: { type: 'deletion' } },
      { path: 'rules[pull_request].parameters.required_approving_review_count', github: 0, file: 1 },
      {
        path: 'rules[required_status_checks].parameters.required_status_checks[e2e]',
        github: { context: 'e2e' },
        file: undefined,
      },
    ]);
  });

  it('holds a known default against GitHub when the file leaves the key out', () => {
    const changed = structuredClone(live);
    (changed.rules[1]?.parameters as Record<string, unknown>).allowed_merge_methods = ['squash'];
    expect(compareRuleset(desired, changed).changes).toEqual([
      {
        path: 'rules[pull_request].parameters.allowed_merge_methods',
        github: ['squash'],
        file: ['merge', 'squash', 'rebase'],
      },
    ]);
  });

  it('compares bypass actors by type and id, with bypass_mode defaulting to always', () => {
    const widened = {
      ...live,
      bypass_actors: [
        { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'exempt' },
        { actor_id: 42, actor_type: 'Team', bypass_mode: 'always' },
      ],
    };
    expect(compareRuleset(desired, widened).changes).toEqual([
      { path: 'bypass_actors[RepositoryRole 5].bypass_mode', github: 'exempt', file: 'always' },
      {
        path: 'bypass_actors[Team 42]',
        github: { actor_id: 42, actor_type: 'Team', bypass_mode: 'always' },
        file: undefined,
      },
    ]);
  });

  it('ignores the id GitHub gives an organization admin actor', () => {
    const admins = toRequestBody({
      name: 'main',
      enforcement: 'active',
      bypass_actors: [{ actor_id: null, actor_type: 'OrganizationAdmin', bypass_mode: 'always' }],
    });
    expect(
      compareRuleset(admins, {
        ...admins,
        rules: [],
        bypass_actors: [{ actor_id: 1, actor_type: 'OrganizationAdmin', bypass_mode: 'always' }],
      }).changes,
    ).toEqual([]);
    expect(
      compareRuleset(admins, {
        ...admins,
        rules: [],
        bypass_actors: [{ actor_id: 1, actor_type: 'OrganizationAdmin', bypass_mode: 'pull_request' }],
      }).changes,
    ).toEqual([{ path: 'bypass_actors[OrganizationAdmin].bypass_mode', github: 'pull_request', file: 'always' }]);
  });

  it('does not compare bypass actors GitHub hides from the token', () => {
    const withoutActors: Partial<typeof live> = { ...live };
    delete withoutActors.bypass_actors;
    expect(compareRuleset(desired, withoutActors)).toEqual({ changes: [], bypassActorsHidden: true });
  });

  it('treats an absent exclude list as empty, and conditions: null as none', () => {
    const changed = {
      ...live,
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: ['refs/heads/wip'] } },
    };
    expect(compareRuleset(desired, changed).changes).toEqual([
      { path: 'conditions.ref_name.exclude', github: ['refs/heads/wip'], file: [] },
    ]);
    expect(compareRuleset(desired, { ...live, conditions: null }).changes).toEqual([
      { path: 'conditions.ref_name', github: undefined, file: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    ]);
  });

  it('passes unknown rule types and fields through and compares them like any other', () => {
    const future = toRequestBody({
      name: 'main',
      enforcement: 'active',
      rules: [{ type: 'future_rule', parameters: { level: 3 } }],
      future_field: { on: true },
    });
    expect(future).toMatchObject({
      rules: [{ type: 'future_rule', parameters: { level: 3 } }],
      future_field: { on: true },
    });
    const same = { ...future, id: 1, rules: [{ type: 'future_rule', parameters: { level: 3, added_by_github: 'x' } }] };
    expect(compareRuleset(future, same).changes).toEqual([]);
    expect(compareRuleset(future, { ...same, future_field: { on: false } }).changes).toEqual([
      { path: 'future_field.on', github: false, file: true },
    ]);
  });
});
