// The body harness sends on create and update
// (https://docs.github.com/en/rest/repos/rules#update-a-repository-ruleset).
// PUT is a partial update at the top level and `null` is refused, so harness
// always sends the complete desired object, `[]` for "none", with the keys
// GitHub sets itself stripped. Everything else passes through untouched.
import type { JsonObject } from 'agent-harness-github';

/** Keys GitHub sets on a ruleset; an export keeps some of them, a request must not. */
export const readOnlyKeys = [
  'id',
  'source',
  'source_type',
  'node_id',
  '_links',
  'created_at',
  'updated_at',
  'current_user_can_bypass',
] as const;

export function toRequestBody(content: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(content)) {
    if ((readOnlyKeys as readonly string[]).includes(key)) continue;
    // `conditions: null` (GitHub's read of a ruleset without conditions) cannot be sent back.
    if (value === null) continue;
    body[key] = value;
  }
  body.target ??= 'branch';
  body.rules ??= [];
  body.bypass_actors ??= [];
  return body;
}

/** A live ruleset as GitHub's "Export ruleset" writes it: the GET object without its bookkeeping keys. */
export function toExportFormat(live: JsonObject): JsonObject {
  const exported: JsonObject = { ...live };
  for (const key of ['node_id', '_links', 'created_at', 'updated_at', 'current_user_can_bypass']) delete exported[key];
  return exported;
}
