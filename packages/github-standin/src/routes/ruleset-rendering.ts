// How GitHub answers about a stored ruleset: defaults filled in, rules in the
// server's order, bypass actors only for tokens that may edit, read-only keys
// added. These are the habits harness's diff must see through
// (https://docs.github.com/en/rest/repos/rules#get-a-repository-ruleset).
import type { JsonObject, StandinRepository, StoredRuleset, TokenGrant } from '../state-store.js';

/** The order GitHub's description lists rule types in; the stand-in returns rules in it. */
const ruleOrder = [
  'creation',
  'update',
  'deletion',
  'required_linear_history',
  'merge_queue',
  'required_deployments',
  'required_signatures',
  'pull_request',
  'required_status_checks',
  'non_fast_forward',
  'commit_message_pattern',
  'commit_author_email_pattern',
  'committer_email_pattern',
  'branch_name_pattern',
  'tag_name_pattern',
  'workflows',
  'code_scanning',
  'copilot_code_review',
  'license_compliance_scanning',
  'file_path_restriction',
  'max_file_path_length',
  'file_extension_restriction',
  'max_file_size',
];

/** Parameters GitHub fills in when a rule is stored without them. */
const parameterDefaults: Record<string, JsonObject> = {
  pull_request: {
    allowed_merge_methods: ['merge', 'squash', 'rebase'],
    required_reviewers: [],
    require_extra_approval_for_unattributed_changes: false,
  },
  required_status_checks: { do_not_enforce_on_create: false },
};

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function renderRule(rule: unknown): JsonObject {
  const input = asObject(rule);
  const type = String(input.type);
  const defaults = parameterDefaults[type];
  if (defaults === undefined) return input;
  return { ...input, parameters: { ...defaults, ...asObject(input.parameters) } };
}

function renderRules(rules: unknown): JsonObject[] {
  const list = Array.isArray(rules) ? rules.map(renderRule) : [];
  const rank = (rule: JsonObject) => {
    const index = ruleOrder.indexOf(String(rule.type));
    return index === -1 ? ruleOrder.length : index;
  };
  return list.sort((a, b) => rank(a) - rank(b));
}

function renderConditions(conditions: unknown): JsonObject | null {
  if (conditions === undefined || conditions === null) return null;
  const input = asObject(conditions);
  const refName = input.ref_name === undefined ? undefined : asObject(input.ref_name);
  return refName === undefined ? input : { ...input, ref_name: { include: [], exclude: [], ...refName } };
}

function renderActors(actors: unknown): JsonObject[] {
  // GitHub ignores an organization admin's id and reads it back as 1.
  return (Array.isArray(actors) ? actors : []).map((actor) => {
    const rendered: JsonObject = { actor_id: null, bypass_mode: 'always', ...asObject(actor) };
    return rendered.actor_type === 'OrganizationAdmin' ? { ...rendered, actor_id: 1 } : rendered;
  });
}

function links(baseUrl: string, ruleset: StoredRuleset, repository: StandinRepository): JsonObject {
  const self =
    ruleset.sourceType === 'Repository'
      ? `${baseUrl}/repos/${repository.owner}/${repository.repo}/rulesets/${ruleset.id}`
      : `${baseUrl}/orgs/${ruleset.source}/rulesets/${ruleset.id}`;
  const html =
    ruleset.sourceType === 'Repository'
      ? `https://github.com/${repository.owner}/${repository.repo}/rules/${ruleset.id}`
      : `https://github.com/organizations/${ruleset.source}/settings/rules/${ruleset.id}`;
  return { self: { href: self }, html: { href: html } };
}

/** The list entry: a summary without rules, conditions or bypass actors. */
export function renderSummary(ruleset: StoredRuleset, repository: StandinRepository, baseUrl: string): JsonObject {
  return {
    id: ruleset.id,
    name: ruleset.body.name,
    target: ruleset.body.target ?? 'branch',
    source_type: ruleset.sourceType,
    source: ruleset.source,
    enforcement: ruleset.body.enforcement,
    node_id: `RRS_${ruleset.id}`,
    _links: links(baseUrl, ruleset, repository),
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
  };
}

/** The full object of GET, POST and PUT responses. */
export function renderRuleset(
  ruleset: StoredRuleset,
  repository: StandinRepository,
  token: TokenGrant,
  baseUrl: string,
): JsonObject {
  const { name, target, enforcement, conditions, rules, bypass_actors: actors, ...unknownFields } = ruleset.body;
  const canEdit = token.administration && ruleset.sourceType === 'Repository';
  return {
    id: ruleset.id,
    name,
    target: target ?? 'branch',
    source_type: ruleset.sourceType,
    source: ruleset.source,
    enforcement,
    conditions: renderConditions(conditions),
    rules: renderRules(rules),
    ...(canEdit ? { bypass_actors: renderActors(actors) } : {}),
    ...unknownFields,
    current_user_can_bypass: canEdit ? 'always' : 'never',
    node_id: `RRS_${ruleset.id}`,
    _links: links(baseUrl, ruleset, repository),
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
  };
}
