// Desired (the request body harness would send) against live (GitHub's GET),
// semantically: GitHub fills in defaults, reorders rules and lists, and adds
// keys of its own (https://docs.github.com/en/rest/repos/rules). So rules match
// by type, status checks by context, bypass actors by type and id; a key the
// file leaves out counts as its known default, or as "don't care" when it has
// none; lists of plain values compare as sets.
import type { JsonObject } from 'agent-harness-github';
import { isJsonObject } from './ruleset-file.js';

export interface FieldChange {
  /** Where, e.g. `rules[pull_request].parameters.required_approving_review_count`. */
  path: string;
  /** The value on GitHub (undefined: absent). */
  github: unknown;
  /** The value the file asks for (undefined: absent). */
  file: unknown;
}

export interface Comparison {
  changes: FieldChange[];
  /** GitHub hid the bypass actors (the token may not edit the ruleset), so they were not compared. */
  bypassActorsHidden: boolean;
}

/** Values GitHub fills in when they are left out, by rule type (for parameters) or by list. */
const parameterDefaults: Record<string, JsonObject> = {
  pull_request: { allowed_merge_methods: ['merge', 'squash', 'rebase'], required_reviewers: [] },
  required_status_checks: { do_not_enforce_on_create: false },
  copilot_code_review: { review_on_push: false, review_draft_pull_requests: false },
  commit_message_pattern: { negate: false },
  commit_author_email_pattern: { negate: false },
  committer_email_pattern: { negate: false },
  branch_name_pattern: { negate: false },
  tag_name_pattern: { negate: false },
};

/** Actor types whose id GitHub ignores (OrganizationAdmin reads back as 1) or wants null (DeployKey). */
const idlessActors = new Set(['OrganizationAdmin', 'DeployKey']);

/** Lists of objects GitHub may reorder, and the key that identifies an entry. */
const listKeys: Record<string, (item: JsonObject) => string> = {
  rules: (rule) => String(rule.type),
  bypass_actors: (actor) =>
    idlessActors.has(String(actor.actor_type))
      ? String(actor.actor_type)
      : `${String(actor.actor_type)} ${typeof actor.actor_id === 'number' ? actor.actor_id : '-'}`,
  required_status_checks: (check) => String(check.context),
  workflows: (workflow) => `${String(workflow.path)}@${String(workflow.repository_id)}`,
  code_scanning_tools: (tool) => String(tool.tool),
};

const entryDefaults: Record<string, JsonObject> = {
  bypass_actors: { bypass_mode: 'always' },
};

export function compareRuleset(desired: JsonObject, live: JsonObject): Comparison {
  const changes: FieldChange[] = [];
  const bypassActorsHidden = live.bypass_actors === undefined;
  for (const [key, value] of Object.entries(desired)) {
    if (key === 'bypass_actors' && bypassActorsHidden) continue;
    if (key === 'rules') compareList('rules', 'rules', value, live.rules ?? [], changes);
    else if (key === 'conditions')
      compareValue('conditions', normalizeConditions(value), normalizeConditions(live.conditions), changes, {});
    else compareValue(key, value, live[key], changes, {});
  }
  return { changes, bypassActorsHidden };
}

/** GitHub answers `null` or fills `ref_name.include/exclude` with []: treat those as absent. */
function normalizeConditions(conditions: unknown): unknown {
  if (!isJsonObject(conditions)) return conditions === null ? {} : conditions;
  const refName = conditions.ref_name;
  if (!isJsonObject(refName)) return conditions;
  return { ...conditions, ref_name: { include: [], exclude: [], ...refName } };
}

function compareValue(
  path: string,
  file: unknown,
  github: unknown,
  changes: FieldChange[],
  defaults: JsonObject,
): void {
  const name = path.slice(path.lastIndexOf('.') + 1).replace(/\[.*$/, '');
  if (Array.isArray(file) && listKeys[name] !== undefined && file.every(isJsonObject)) {
    compareList(path, name, file, github ?? [], changes);
  } else if (Array.isArray(file) && file.every((v) => !isJsonObject(v) && !Array.isArray(v))) {
    if (!Array.isArray(github) || !sameSet(file, github)) changes.push({ path, github, file });
  } else if (isJsonObject(file)) {
    if (!isJsonObject(github)) {
      changes.push({ path, github, file });
      return;
    }
    for (const [key, value] of Object.entries(file))
      compareValue(`${path}.${key}`, value, github[key] ?? defaults[key], changes, {});
    // Keys only GitHub has matter when they have a known default and GitHub's value differs from it.
    for (const [key, value] of Object.entries(defaults)) {
      if (!(key in file) && key in github && !sameValue(github[key], value))
        changes.push({ path: `${path}.${key}`, github: github[key], file: value });
    }
  } else if (!deepEqual(file, github)) {
    changes.push({ path, github, file });
  }
}

/** Entries matched by their key; both sides' extra entries are changes, since an update replaces the list. */
function compareList(path: string, name: string, file: unknown, github: unknown, changes: FieldChange[]): void {
  const keyOf = listKeys[name] as (item: JsonObject) => string;
  const fileItems = (Array.isArray(file) ? file : []).filter(isJsonObject);
  const githubItems = new Map(
    (Array.isArray(github) ? github : []).filter(isJsonObject).map((item) => [keyOf(item), item]),
  );
  const seen = new Set<string>();
  for (const item of fileItems) {
    const key = keyOf(item);
    seen.add(key);
    const live = githubItems.get(key);
    const at = `${path}[${key}]`;
    if (live === undefined) {
      changes.push({ path: at, github: undefined, file: item });
    } else if (name === 'rules') {
      compareRule(at, item, live, changes);
    } else {
      const wanted =
        name === 'bypass_actors' && idlessActors.has(String(item.actor_type)) ? withoutKey(item, 'actor_id') : item;
      compareValue(at, wanted, live, changes, entryDefaults[name] ?? {});
    }
  }
  for (const [key, live] of githubItems) {
    if (!seen.has(key)) changes.push({ path: `${path}[${key}]`, github: live, file: undefined });
  }
}

function compareRule(path: string, file: JsonObject, github: JsonObject, changes: FieldChange[]): void {
  const defaults = parameterDefaults[String(file.type)] ?? {};
  const { parameters: fileParameters, ...fileRest } = file;
  const { parameters: githubParameters, ...githubRest } = github;
  compareValue(path, fileRest, githubRest, changes, {});
  const wanted = fileParameters === undefined ? {} : fileParameters;
  const live = githubParameters === undefined || githubParameters === null ? {} : githubParameters;
  compareValue(`${path}.parameters`, wanted, live, changes, defaults);
}

function withoutKey(item: JsonObject, key: string): JsonObject {
  const copy = { ...item };
  delete copy[key];
  return copy;
}

/** Lists of plain values compare as sets; everything else structurally. */
function sameValue(a: unknown, b: unknown): boolean {
  const plain = (v: unknown) => !isJsonObject(v) && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b) && a.every(plain) && b.every(plain))
    return sameSet(a as unknown[], b as unknown[]);
  return deepEqual(a, b);
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const left = new Set(a.map((v) => JSON.stringify(v)));
  const right = new Set(b.map((v) => JSON.stringify(v)));
  return left.size === right.size && [...left].every((v) => right.has(v));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
