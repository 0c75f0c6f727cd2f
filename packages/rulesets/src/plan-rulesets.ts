// `harness rulesets plan`: what `apply` would do (docs/rulesets.md). Files are
// matched to the repository's own rulesets by name; organization and
// enterprise rulesets are listed but never touched.
import type { GithubClient, JsonObject, RulesetSummary, WaitEvent } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';
import {
  createGithubClient,
  formatRepository,
  getRuleset,
  listRulesets,
  requireToken,
  resolveRepository,
} from 'agent-harness-github';
import type { FieldChange } from './compare-rulesets.js';
import { compareRuleset } from './compare-rulesets.js';
import type { CreatedState } from './created-state.js';
import { readCreatedState } from './created-state.js';
import { toRequestBody } from './request-body.js';
import type { RulesetFile } from './ruleset-file.js';
import { readRulesetFiles } from './ruleset-file.js';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'delete' | 'unmanaged' | 'inherited';

export interface PlanEntry {
  name: string;
  action: PlanAction;
  /** The ruleset file, for rulesets the files define. */
  file?: string;
  /** GitHub's id, for rulesets that exist. */
  id?: number;
  /** For `update`: what differs. */
  changes?: FieldChange[];
  /** Why a ruleset is deleted or left alone. */
  reason?: string;
  /** For `create` and `update`: the complete body apply sends. */
  body?: JsonObject;
  /** GitHub hid the bypass actors from this token, so they were not compared. */
  bypassActorsHidden?: boolean;
}

export interface RulesetsPlan {
  /** `owner/repo`. */
  repository: string;
  dir: string;
  entries: PlanEntry[];
}

export interface RulesetsOptions {
  /** Repository root. */
  root: string;
  /** `rulesets.dir`, relative to the root. */
  dir: string;
  env: Env;
  /** `--repo owner/name`. */
  repo?: string | undefined;
  /** With apply and plan: delete repository rulesets that no file defines, not only those harness created. */
  prune?: boolean;
  /** Passed to the GitHub client (tests shorten waits). */
  waitUnitMs?: number;
  onWait?: (event: WaitEvent) => void;
  readOrigin?: (cwd: string) => Promise<string | undefined>;
  /** An existing client (tests); otherwise one is made from env. */
  client?: GithubClient;
}

export async function connectGithub(options: RulesetsOptions): Promise<GithubClient> {
  if (options.client !== undefined) return options.client;
  // The token first: without one nothing else matters.
  requireToken(options.env);
  const repository = await resolveRepository({
    flag: options.repo,
    env: options.env,
    cwd: options.root,
    ...(options.readOrigin === undefined ? {} : { readOrigin: options.readOrigin }),
  });
  return createGithubClient({
    env: options.env,
    repository,
    ...(options.waitUnitMs === undefined ? {} : { waitUnitMs: options.waitUnitMs }),
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
  });
}

export interface PlanContext {
  client: GithubClient;
  files: RulesetFile[];
  created: CreatedState;
  plan: RulesetsPlan;
}

/** Reads the files and the live rulesets, then plans. */
export async function planRulesetsWithContext(options: RulesetsOptions): Promise<PlanContext> {
  const files = await readRulesetFiles(options.root, options.dir);
  const created = await readCreatedState(options.root, options.dir);
  const client = await connectGithub(options);
  const repository = formatRepository(client.repository);
  const summaries = await listRulesets(client);
  const own = summaries.filter((s) => (s.source_type ?? 'Repository') === 'Repository');
  const live = new Map<string, JsonObject>();
  // The list holds summaries only (no rules, conditions, bypass actors): read each in full
  // (at once: the throttling plugin keeps it to 10 concurrent requests).
  const matched = own.filter((summary) => files.some((f) => f.name === summary.name));
  const full = await Promise.all(matched.map((summary) => getRuleset(client, summary.id, summary.name)));
  matched.forEach((summary, index) => live.set(summary.name, full[index] as JsonObject));
  const createdHere = created.created[repository] ?? {};
  const entries: PlanEntry[] = [
    ...files.map((file) => planFile(file, live.get(file.name))),
    ...own
      .filter((s) => !files.some((f) => f.name === s.name))
      .map((s) => planUnmatched(s, createdHere, options.prune === true)),
    ...summaries
      .filter((s) => (s.source_type ?? 'Repository') !== 'Repository')
      .map(
        (s): PlanEntry => ({
          name: s.name,
          action: 'inherited',
          id: s.id,
          reason: `${String(s.source_type).toLowerCase()} ruleset of ${String(s.source)}; harness never changes it`,
        }),
      ),
  ];
  return { client, files, created, plan: { repository, dir: options.dir, entries } };
}

export async function planRulesets(options: RulesetsOptions): Promise<RulesetsPlan> {
  return (await planRulesetsWithContext(options)).plan;
}

function planFile(file: RulesetFile, live: JsonObject | undefined): PlanEntry {
  const body = toRequestBody(file.content);
  if (live === undefined) return { name: file.name, action: 'create', file: file.file, body };
  const { changes, bypassActorsHidden } = compareRuleset(body, live);
  return {
    name: file.name,
    action: changes.length === 0 ? 'unchanged' : 'update',
    file: file.file,
    id: Number(live.id),
    ...(changes.length === 0 ? {} : { changes, body }),
    ...(bypassActorsHidden ? { bypassActorsHidden } : {}),
  };
}

function planUnmatched(summary: RulesetSummary, createdHere: Record<string, number>, prune: boolean): PlanEntry {
  const ours = Object.values(createdHere).includes(summary.id);
  if (ours)
    return { name: summary.name, action: 'delete', id: summary.id, reason: 'harness created it and its file is gone' };
  if (prune) return { name: summary.name, action: 'delete', id: summary.id, reason: 'no file defines it (--prune)' };
  return {
    name: summary.name,
    action: 'unmanaged',
    id: summary.id,
    reason: 'no file defines it; `apply --prune` would delete it',
  };
}

/** Whether applying the plan would change anything on GitHub. */
export function hasDrift(plan: RulesetsPlan): boolean {
  return plan.entries.some((e) => e.action === 'create' || e.action === 'update' || e.action === 'delete');
}
