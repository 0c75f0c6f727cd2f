// After init has written its files it runs each check once, as a bare `harness check` runs it
// (every configured check), with --update-baseline for the checks that keep a baseline: that one run
// records today's findings and is also the "green after init" confirmation. A baseline accepts
// exactly the findings of the run that wrote it and drops nothing it matched, so running the checks
// again would find the same, except where a finding names a file the run itself wrote (a baseline
// another check reads, such as a docs link to layers.baseline): the checks run side by side, so that
// check may have looked before the file was there. Only such checks run again, as `harness check`.
import { join, posix } from 'node:path';
import { registeredChecks, runChecks } from 'agent-harness-check';
import type { Check, CheckOptions, HarnessConfig } from 'agent-harness-config';
import { loadConfig } from 'agent-harness-config';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { createResultDocument, parseBaseline } from 'agent-harness-diagnostics';
import { cacheFileName, saveImportCache } from 'agent-harness-layers';
import type { Env } from 'agent-harness-system';
import { findEscape } from 'agent-harness-system';
import type { BaselineSnapshot } from './baseline-snapshot.js';
import { snapshotBaselines } from './baseline-snapshot.js';
import type { InitPlan } from './init-plan.js';
import type { ImportCache } from './read-graph-view.js';

export interface BaselineChange {
  path: string;
  action: 'create' | 'update';
}

export interface RecordedRun {
  baselines: BaselineChange[];
  notes: string[];
  /** `harness check` as it stands after init. */
  check: ResultDocument;
  /** The checks run a second time because a finding of theirs names a file the run wrote. */
  checkedAgain: string[];
}

export async function recordBaselines(
  plan: InitPlan,
  options: { checks?: readonly Check[] | undefined; env?: Env | undefined },
  before: BaselineSnapshot,
): Promise<RecordedRun> {
  const loaded = await loadConfig({ cwd: plan.root });
  const checks = options.checks ?? registeredChecks;
  // No token: init never calls GitHub (the rulesets check skips itself without one).
  const env = { ...(options.env ?? {}), GITHUB_TOKEN: undefined, GH_TOKEN: undefined };
  if (plan.importCache !== undefined && loaded.config.layers !== undefined)
    await writeImportCache(plan.root, plan.importCache);
  const recording = new Set(plan.baselineChecks);
  const once = checks.map((c) => (recording.has(c.name) ? withOptions(c, { updateBaseline: true }) : c));
  const input = { root: loaded.root, config: loaded.config, options: { env } };
  const run = await runChecks({ ...input, checks: once });
  const after = await snapshotBaselines(plan.root, [...new Set([...before.configured, ...tracked(loaded.config)])]);
  const baselines: BaselineChange[] = [];
  for (const [path, text] of after.files) {
    if (before.files.get(path) !== text) baselines.push({ path, action: before.files.has(path) ? 'update' : 'create' });
  }
  const again = checksNaming(
    run.document,
    after,
    baselines.map((b) => b.path),
  ).filter((name) => checks.some((c) => c.name === name));
  if (again.length === 0) return { baselines, notes: run.notes, check: run.document, checkedAgain: [] };
  const confirmed = await runChecks({ ...input, checks, names: again });
  const why = `init: ran ${again.join(', ')} again, as harness check runs it: a finding names a file the checks wrote (${baselines.map((b) => b.path).join(', ')}).`;
  return {
    baselines,
    notes: [...run.notes, ...confirmed.notes.filter((n) => !run.notes.includes(n)), why],
    check: replaceChecks(run.document, confirmed.document, again),
    checkedAgain: again,
  };
}

/**
 * The layers check's cache as init's own graph build left it, so that the check reads and lexes no
 * file init read (it still resolves again when init changed a package.json). Not through a link out of
 * the repository; a cache only saves time, so one that cannot be written is no error.
 */
async function writeImportCache(root: string, cache: ImportCache): Promise<void> {
  if (findEscape(root, cacheFileName) !== undefined) return;
  await saveImportCache(join(root, cacheFileName), cache).catch(() => undefined);
}

/** The baseline paths the config names besides the default folder. */
function tracked(config: HarnessConfig): string[] {
  return [config.layers?.baseline, config.docs?.baseline].filter((p): p is string => p !== undefined);
}

function withOptions(check: Check, extra: CheckOptions): Check {
  return { ...check, run: (context) => check.run({ ...context, options: { ...context.options, ...extra } }) };
}

/**
 * The checks with a finding (reported, or accepted by a baseline) whose file or target has the name of
 * a file the run wrote. By name, not path: a target is written as the link or import has it.
 */
export function checksNaming(
  document: ResultDocument,
  baselines: BaselineSnapshot,
  written: readonly string[],
): string[] {
  const names = new Set(written.map((p) => posix.basename(p)));
  if (names.size === 0) return [];
  const findings: Array<{ rule: string; file: string; target?: string | undefined }> = [...document.diagnostics];
  for (const [path, text] of baselines.files) {
    try {
      findings.push(...parseBaseline(text, path, 'baseline'));
    } catch {
      // Not a baseline (a file of the baseline folder the checks do not own): it accepts nothing.
    }
  }
  const naming = (value: string | undefined): boolean => value !== undefined && names.has(posix.basename(value));
  const checks = findings.filter((f) => naming(f.file) || naming(f.target)).map((f) => f.rule.split('/')[0] ?? '');
  return [...new Set(checks)].filter((c) => c !== '');
}

/** `run` with the summaries and findings of the checks in `names` taken from `again`. */
function replaceChecks(run: ResultDocument, again: ResultDocument, names: readonly string[]): ResultDocument {
  const redone = new Set(names);
  const summaries = run.checks.map((s) =>
    redone.has(s.name) ? (again.checks.find((a) => a.name === s.name) ?? s) : s,
  );
  const diagnostics = [...run.diagnostics.filter((d) => !redone.has(d.check)), ...again.diagnostics];
  return createResultDocument(summaries, diagnostics);
}
