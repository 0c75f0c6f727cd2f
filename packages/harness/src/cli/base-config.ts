// Judged by the base (docs/guard.md, "Judged by the base"): with a base, every check runs with the
// base's harness.config.yaml (its `rules` map too), so a change cannot loosen the rules it is judged
// by; the guard compares the change's own config with the base's. The change's config is still read
// and validated (a broken one is exit 2), and it judges when the base has no usable config, and with
// --fix or --update-baseline, which write the change's own files.
// Spec: https://git-scm.com/docs/git-cat-file (`<commit>:./<path>`: relative to the working folder)
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { Check, HarnessConfig } from 'agent-harness-config';
import { validateConfigCached } from 'agent-harness-config/load';
import { runGit } from 'agent-harness-system';

export interface BaseCommit {
  ref: string;
  commit: string;
}

export interface JudgingInput {
  /** The root the checks run in (git commands run here). */
  root: string;
  /** The change's config file (absolute), or undefined when the change has none. */
  configFile: string | undefined;
  changeConfig: HarnessConfig;
  base: BaseCommit | undefined;
  /** Every check harness knows: the base's `rules` map must name their rule ids. */
  checks: readonly Check[];
  /** --fix or --update-baseline: they act on the change's own config and baselines. */
  writes: boolean;
}

export interface Judging {
  /** The config every check runs with. */
  config: HarnessConfig;
  /** Set when that config is the base's. */
  judgedByBase?: BaseCommit | undefined;
  /** The base's config file, repository-relative, and its text (for the lines of findings about it). */
  baseFile?: { path: string; text: string } | undefined;
  /** For the person running the check: which config judges, and why not the base's. */
  note?: string | undefined;
  /** Judged by the base: whether the change's config text differs from the base's. */
  configEdited?: boolean | undefined;
}

/** The config the checks judge the change by: the base's when it has a valid one, else the change's (with why). */
export async function judgingConfig(input: JudgingInput): Promise<Judging> {
  const { base, changeConfig: config } = input;
  if (base === undefined) return { config };
  const label = baseLabel(base);
  const path = configPathIn(input.root, input.configFile);
  if (input.writes)
    return {
      config,
      note: `harness check: --fix and --update-baseline act on this change's own config and baselines; without them the checks judge by ${label}'s.`,
    };
  if (path === undefined)
    return {
      config,
      note: `harness check: the config file is outside the repository, so ${label} has none to judge by.`,
    };
  const byOwn = `the checks judge by this change's own ${path}`;
  const [text, changeText] = await Promise.all([
    readAtCommit(input.root, base.commit, path),
    input.configFile === undefined ? undefined : readFile(input.configFile, 'utf8').catch(() => undefined),
  ]);
  if (text === undefined) return { config, note: `harness check: no ${path} on ${label}: ${byOwn} (it adds harness).` };
  const judged = { judgedByBase: base, baseFile: { path, text } };
  // The same text validates the same: most changes leave the config alone, and need no schema for it.
  if (changeText === text) return { config, ...judged };
  const validated = await validBaseConfig(input, text, path);
  if (typeof validated === 'string')
    return { config, note: `harness check: ${path} on ${label} ${validated}: ${byOwn}.` };
  return {
    config: validated,
    ...judged,
    configEdited: true,
    note: `harness check: this change edits ${path}; the checks judge by the one on ${label}, and the guard compares the two (docs/guard.md#judged-by-the-base).`,
  };
}

/** The base's config validated, or why it cannot judge (`is not valid (…)`, `sets rules.x, which…`). */
async function validBaseConfig(input: JudgingInput, text: string, path: string): Promise<HarnessConfig | string> {
  // Through the config cache, beside the change's own (.harness/cache/base-config.json): while the base's
  // text stays the same, neither the YAML parser nor the schema (zod) loads.
  const validated = await validateConfigCached(input.root, text, path);
  if (!validated.ok) {
    const first = validated.problems[0];
    return `is not valid (${first === undefined ? 'no details' : `${path}:${first.line} ${first.key}: ${first.message}`})`;
  }
  const unknown = await unknownRuleId(input.checks, validated.config);
  if (unknown !== undefined) return `sets rules.${unknown}, which no check reports`;
  return validated.config;
}

function baseLabel(base: BaseCommit): string {
  return `${base.ref} (${base.commit.slice(0, 7)})`;
}

/** The config file's path relative to the root, `/`-separated; undefined when it lies outside. */
function configPathIn(root: string, configFile: string | undefined): string | undefined {
  if (configFile === undefined) return 'harness.config.yaml';
  const path = relative(root, configFile).replaceAll('\\', '/');
  return path === '' || path.startsWith('../') || isAbsolute(path) ? undefined : path;
}

/** The file's text at `commit`, or undefined when the commit has no such file. */
async function readAtCommit(root: string, commit: string, path: string): Promise<string | undefined> {
  // One process: exit 128 is a path the commit lacks (or a folder, which is no file either).
  const blob = await runGit(root, ['cat-file', 'blob', `${commit}:./${path}`], { okCodes: [128] });
  return blob.code === 0 ? blob.stdout : undefined;
}

/** A rule id of the base's `rules` map that no check reports (renamed by the change's harness upgrade). */
async function unknownRuleId(checks: readonly Check[], config: HarnessConfig): Promise<string | undefined> {
  const ids = Object.keys(config.rules ?? {});
  if (ids.length === 0) return undefined;
  const known = new Set((await Promise.all(checks.map(async (c) => (await c.ruleIds?.()) ?? []))).flat());
  return ids.find((id) => !known.has(id));
}
