// `.github/rulesets/*.json` (the base config's `rulesets.dir`), GitHub's ruleset export JSON
// (https://docs.github.com/en/rest/repos/rules#create-a-repository-ruleset): a ruleset removed or
// not enforced, a rule removed, required checks or reviews weakened, bypass actors added or widened,
// fewer branches covered. Rulesets are matched by `name`, as GitHub matches them, so a renamed file
// is the same ruleset. Each loosening points at the changed key in the change's file.
import type { GuardInput, Loosening, SurfaceComparer } from './guard-types.js';
import { arrayAt, isJsonObject, objectAt, parseJsonDocument } from './json-document.js';
import type { JsonDocument, JsonObject, JsonValue } from './json-document.js';

/** A loosening inside one ruleset: where in the change's JSON, and what. */
interface Change {
  path: (string | number)[];
  what: string;
}

interface Side {
  file: string;
  doc: JsonDocument | undefined;
  name: string | undefined;
}

export const compareRulesets: SurfaceComparer = async (input) => {
  const dir = (input.baseConfig?.rulesets?.dir ?? '.github/rulesets').replace(/\\/g, '/').replace(/\/+$/, '');
  const inDir = (file: string): boolean => {
    const name = file.slice(dir.length + 1);
    return file.startsWith(`${dir}/`) && !name.includes('/') && name.endsWith('.json') && !name.startsWith('.');
  };
  const baseFiles = (await input.base.listFiles()).filter(inDir);
  if (baseFiles.length === 0 || !input.changedFiles.some(inDir)) return [];
  const heads = await readSides(input, (await input.head.listFiles()).filter(inDir), 'head');
  const loosenings: Loosening[] = [];
  for (const base of await readSides(input, baseFiles, 'base')) {
    if (!isJsonObject(base.doc?.value)) continue;
    const head =
      heads.find((h) => h.name !== undefined && h.name === base.name) ?? heads.find((h) => h.file === base.file);
    loosenings.push(...compareSide(base, head));
  }
  return loosenings;
};

async function readSides(input: GuardInput, files: readonly string[], side: 'base' | 'head'): Promise<Side[]> {
  return Promise.all(
    files.map(async (file) => {
      const text = await input[side].readFile(file);
      const doc = text === undefined ? undefined : parseJsonDocument(text);
      const name = isJsonObject(doc?.value) ? doc.value.name : undefined;
      return { file, doc, name: typeof name === 'string' ? name : undefined };
    }),
  );
}

function compareSide(base: Side, head: Side | undefined): Loosening[] {
  const label = `ruleset "${base.name ?? base.file}"`;
  if (head === undefined) return [{ surface: 'ruleset', file: base.file, line: 1, what: `${label} deleted` }];
  const doc = head.doc;
  if (doc === undefined || !isJsonObject(doc.value))
    return [{ surface: 'ruleset', file: head.file, line: 1, what: `${label}: not a JSON object any more` }];
  const changes = compareRuleset(base.doc?.value as JsonObject, doc.value);
  return changes.map((c) => ({
    surface: 'ruleset',
    file: head.file,
    line: doc.lineAt(c.path),
    what: `${label}: ${c.what}`,
  }));
}

/** Every loosening from `base` to `head`, two rulesets as GitHub exports them. */
function compareRuleset(base: JsonObject, head: JsonObject): Change[] {
  const changes: Change[] = [];
  if (base.enforcement === 'active' && head.enforcement !== 'active')
    changes.push({ path: ['enforcement'], what: `enforcement: active → ${show(head.enforcement)}` });
  if (base.target !== undefined && head.target !== base.target)
    changes.push({ path: ['target'], what: `target: ${show(base.target)} → ${show(head.target)}` });
  changes.push(...compareRefNames(base, head), ...compareRules(base, head), ...compareBypass(base, head));
  return changes;
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'removed' : JSON.stringify(value).replace(/^"|"$/g, '');
}

function strings(values: JsonValue[]): string[] {
  return values.filter((v): v is string => typeof v === 'string');
}

function compareRefNames(base: JsonObject, head: JsonObject): Change[] {
  const before = objectAt(objectAt(base, 'conditions'), 'ref_name');
  const after = objectAt(objectAt(head, 'conditions'), 'ref_name');
  const path = ['conditions', 'ref_name'];
  const changes: Change[] = [];
  const included = strings(arrayAt(after, 'include'));
  if (!included.includes('~ALL')) {
    for (const pattern of strings(arrayAt(before, 'include')))
      if (!included.includes(pattern))
        changes.push({ path: [...path, 'include'], what: `conditions.ref_name.include: "${pattern}" removed` });
  }
  const excluded = strings(arrayAt(before, 'exclude'));
  for (const [index, pattern] of strings(arrayAt(after, 'exclude')).entries())
    if (!excluded.includes(pattern))
      changes.push({ path: [...path, 'exclude', index], what: `conditions.ref_name.exclude: "${pattern}" added` });
  return changes;
}

function rulesByType(ruleset: JsonObject): Map<string, { index: number; parameters: JsonObject }> {
  const rules = new Map<string, { index: number; parameters: JsonObject }>();
  for (const [index, rule] of arrayAt(ruleset, 'rules').entries())
    if (isJsonObject(rule) && typeof rule.type === 'string')
      rules.set(rule.type, { index, parameters: objectAt(rule, 'parameters') });
  return rules;
}

// pull_request switches that, turned off, let a change in with less review.
const reviewSwitches = [
  'require_code_owner_review',
  'dismiss_stale_reviews_on_push',
  'require_last_push_approval',
  'required_review_thread_resolution',
];

function compareRules(base: JsonObject, head: JsonObject): Change[] {
  const after = rulesByType(head);
  const changes: Change[] = [];
  for (const [type, rule] of rulesByType(base)) {
    const now = after.get(type);
    if (now === undefined) {
      changes.push({ path: ['rules'], what: `rule ${type} removed` });
      continue;
    }
    const at = (key: string): (string | number)[] => ['rules', now.index, 'parameters', key];
    const was = rule.parameters;
    const is = now.parameters;
    if (type === 'pull_request') {
      const count = 'required_approving_review_count';
      if (typeof was[count] === 'number' && !(typeof is[count] === 'number' && is[count] >= was[count]))
        changes.push({ path: at(count), what: `pull_request.${count}: ${was[count]} → ${show(is[count])}` });
      for (const key of reviewSwitches)
        if (was[key] === true && is[key] !== true)
          changes.push({ path: at(key), what: `pull_request.${key}: true → ${show(is[key])}` });
    }
    if (type === 'required_status_checks') changes.push(...compareStatusChecks(was, is, at));
  }
  return changes;
}

function compareStatusChecks(was: JsonObject, is: JsonObject, at: (key: string) => (string | number)[]): Change[] {
  const changes: Change[] = [];
  const strict = 'strict_required_status_checks_policy';
  if (was[strict] === true && is[strict] !== true)
    changes.push({ path: at(strict), what: `required_status_checks.${strict}: true → ${show(is[strict])}` });
  if (was.do_not_enforce_on_create !== true && is.do_not_enforce_on_create === true)
    changes.push({
      path: at('do_not_enforce_on_create'),
      what: 'required_status_checks.do_not_enforce_on_create turned on',
    });
  const contexts = (checks: JsonObject): string[] =>
    arrayAt(checks, 'required_status_checks').flatMap((c) =>
      isJsonObject(c) && typeof c.context === 'string' ? [c.context] : [],
    );
  const kept = contexts(is);
  for (const context of contexts(was))
    if (!kept.includes(context))
      changes.push({ path: at('required_status_checks'), what: `required status check "${context}" removed` });
  return changes;
}

// How far an actor bypasses: only through a pull request, always, or exempt from the rules altogether.
const modeReach: Record<string, number> = { pull_request: 1, always: 2, exempt: 3 };

function compareBypass(base: JsonObject, head: JsonObject): Change[] {
  const key = (actor: JsonObject): string => `${show(actor.actor_type)} ${show(actor.actor_id ?? null)}`;
  const before = new Map<string, JsonObject>();
  for (const actor of arrayAt(base, 'bypass_actors')) if (isJsonObject(actor)) before.set(key(actor), actor);
  const changes: Change[] = [];
  for (const [index, actor] of arrayAt(head, 'bypass_actors').entries()) {
    if (!isJsonObject(actor)) continue;
    const was = before.get(key(actor));
    const mode = show(actor.bypass_mode ?? 'always');
    if (was === undefined)
      changes.push({ path: ['bypass_actors', index], what: `bypass actor ${key(actor)} added (${mode})` });
    else if ((modeReach[mode] ?? 2) > (modeReach[show(was.bypass_mode ?? 'always')] ?? 2))
      changes.push({
        path: ['bypass_actors', index, 'bypass_mode'],
        what: `bypass actor ${key(actor)}: bypass_mode ${show(was.bypass_mode ?? 'always')} → ${mode}`,
      });
  }
  return changes;
}
