// The repository ruleset endpoints (https://docs.github.com/en/rest/repos/rules).
// Rulesets stay plain JSON objects: unknown fields and rule types pass through.
import type { GithubClient } from './github-client.js';

export type JsonObject = { [key: string]: unknown };

/** A list entry: GitHub returns summaries only (no rules, conditions or bypass_actors). */
export interface RulesetSummary extends JsonObject {
  id: number;
  name: string;
  source_type?: string;
  source?: string;
}

const base = '/repos/{owner}/{repo}/rulesets';

/** Every ruleset that applies to the repository, its own and its parents' (org, enterprise). */
export function listRulesets(client: GithubClient): Promise<RulesetSummary[]> {
  return client.paginate<RulesetSummary>(`GET ${base}`, { includes_parents: true }, 'list rulesets');
}

export async function getRuleset(client: GithubClient, id: number, name: string): Promise<JsonObject> {
  return (await client.request<JsonObject>(`GET ${base}/{ruleset_id}`, { ruleset_id: id }, `read ruleset "${name}"`))
    .data;
}

export async function createRuleset(client: GithubClient, body: JsonObject): Promise<JsonObject> {
  return (await client.request<JsonObject>(`POST ${base}`, body, `create ruleset "${String(body.name)}"`)).data;
}

export async function updateRuleset(client: GithubClient, id: number, body: JsonObject): Promise<JsonObject> {
  return (
    await client.request<JsonObject>(
      `PUT ${base}/{ruleset_id}`,
      { ruleset_id: id, ...body },
      `update ruleset "${String(body.name)}"`,
    )
  ).data;
}

export async function deleteRuleset(client: GithubClient, id: number, name: string): Promise<void> {
  await client.request(`DELETE ${base}/{ruleset_id}`, { ruleset_id: id }, `delete ruleset "${name}"`);
}
