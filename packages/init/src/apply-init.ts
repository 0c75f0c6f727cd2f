// Phase three of init: write the plan, then record today's findings as
// baselines through the same runner `harness check` uses, then confirm the
// checks are green. Each file is written atomically and the config last, so an
// interrupted run leaves nothing half written and a rerun completes it.
import { readFile, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { registeredChecks, runChecks } from '@harness/check';
import { configFileName, loadConfig } from '@harness/config';
import type { ResultDocument } from '@harness/diagnostics';
import type { InitPlan, PlannedFile } from './init-plan.js';
import { runInstall } from './install-adapter.js';
import { removeLeftover, writeFileAtomic } from './write-file-atomic.js';

export interface ApplyOptions {
  /** Run the package manager's install after writing package.json. */
  install?: boolean;
  /** Install output, for the person watching. */
  onOutput?: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface BaselineChange {
  path: string;
  action: 'create' | 'update';
}

export interface InitResult {
  written: string[];
  baselines: BaselineChange[];
  /** Lines from the checks (baseline writes, skipped sections). */
  notes: string[];
  /** `harness check` as it stands after init, when baselines were recorded. */
  check: ResultDocument | undefined;
  installed: boolean;
}

const writes = new Set<PlannedFile['action']>(['create', 'overwrite', 'update']);

export async function applyInit(plan: InitPlan, options: ApplyOptions = {}): Promise<InitResult> {
  const pending = plan.files.filter((f) => writes.has(f.action) && f.content !== undefined);
  // The config goes last: until it exists, the repository does not look initialised.
  const ordered = [...pending.filter((f) => f.path !== configFileName), ...pending.filter((f) => f.path === configFileName)];
  for (const file of plan.files) await removeLeftover(join(plan.root, file.path));
  for (const file of ordered) await writeFileAtomic(join(plan.root, file.path), file.content ?? '');
  const result: InitResult = { written: ordered.map((f) => f.path), baselines: [], notes: [], check: undefined, installed: false };
  if (plan.confirm) await recordBaselines(plan, options, result);
  if (options.install === true && plan.installCommand !== undefined) {
    await runInstall(plan.root, plan.installCommand, options.onOutput ?? (() => undefined));
    result.installed = true;
  }
  return result;
}

async function recordBaselines(plan: InitPlan, options: ApplyOptions, result: InitResult): Promise<void> {
  const loaded = await loadConfig({ cwd: plan.root });
  // No token: init never calls GitHub (the rulesets check skips itself without one).
  const env = { ...(options.env ?? {}), GITHUB_TOKEN: undefined, GH_TOKEN: undefined };
  const tracked = [loaded.config.layers?.baseline, loaded.config.docs?.baseline].filter((p): p is string => p !== undefined);
  const before = await snapshot(plan.root, tracked);
  if (plan.baselineChecks.length > 0) {
    const recorded = await runChecks({
      checks: registeredChecks,
      names: plan.baselineChecks,
      root: loaded.root,
      config: loaded.config,
      options: { updateBaseline: true, env },
    });
    result.notes.push(...recorded.notes);
  }
  const after = await snapshot(plan.root, tracked);
  for (const [path, text] of after) {
    if (before.get(path) !== text) result.baselines.push({ path, action: before.has(path) ? 'update' : 'create' });
  }
  // Then the gate itself, as a bare `harness check` runs it: every configured check.
  const confirmed = await runChecks({ checks: registeredChecks, root: loaded.root, config: loaded.config, options: { env } });
  result.notes.push(...confirmed.notes.filter((n) => !result.notes.includes(n)));
  result.check = confirmed.document;
}

const baselineDir = '.harness/baseline';

/** The baseline files as they are now: the default folder and any configured elsewhere. */
async function snapshot(root: string, configured: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let entries: string[] = [];
  try {
    entries = (await readdir(join(root, baselineDir), { recursive: true })).map((e) => posix.join(baselineDir, e.split('\\').join('/')));
  } catch {
    // No baseline folder yet.
  }
  for (const path of new Set([...entries, ...configured])) {
    try {
      files.set(path, await readFile(join(root, path), 'utf8'));
    } catch {
      // A folder, or a file that does not exist: nothing to compare.
    }
  }
  return files;
}
