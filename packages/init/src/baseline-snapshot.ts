// The baseline files as they are before init records today's findings, so
// that a check failing midway can be undone: a baseline it created is removed,
// one it changed gets its earlier text back.
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { configFileName, validateConfig } from 'agent-harness-config';
import type { InitPlan } from './init-plan.js';
import { readInside } from './repo-entry.js';
import { removeInside, writeFileInside } from 'agent-harness-system';

const baselineDir = '.harness/baseline';

export interface BaselineSnapshot {
  /** The baseline paths configured besides the default folder. */
  configured: string[];
  files: Map<string, string>;
}

/** The baseline files now: the default folder and those the config (planned or existing) names. */
export async function snapshotBaselines(root: string, configured: readonly string[]): Promise<BaselineSnapshot> {
  const files = new Map<string, string>();
  let entries: string[] = [];
  try {
    entries = (await readdir(join(root, baselineDir), { recursive: true })).map((e) =>
      posix.join(baselineDir, e.split('\\').join('/')),
    );
  } catch {
    // No baseline folder yet.
  }
  // A configured path that leaves the repository is neither read nor, on undo, written.
  const inside = configured.filter((p) => !posix.isAbsolute(p) && !posix.normalize(p).startsWith('../'));
  for (const path of new Set([...entries, ...inside])) {
    // A folder, a file that does not exist, one behind a link out of the repository: nothing to compare.
    const text = await readInside(root, path);
    if (text !== undefined) files.set(path, text);
  }
  return { configured: [...configured], files };
}

/** Baseline paths the plan's config names: the one it writes, else the one in the repository. */
export async function configuredBaselines(plan: InitPlan): Promise<string[]> {
  const planned = plan.files.find((f) => f.path === configFileName && f.content !== undefined)?.content;
  const text = planned ?? (await readFile(join(plan.root, configFileName), 'utf8').catch(() => undefined));
  if (text === undefined) return [];
  const result = validateConfig(text, configFileName);
  if (!result.ok) return [];
  return [result.config.layers?.baseline, result.config.docs?.baseline].filter((p): p is string => p !== undefined);
}

/** Puts the baselines back as `before` had them; returns the paths that could not be. */
export async function restoreBaselines(root: string, before: BaselineSnapshot): Promise<string[]> {
  const now = await snapshotBaselines(root, before.configured);
  const left: string[] = [];
  for (const [path, text] of now.files) {
    const earlier = before.files.get(path);
    if (earlier === text) continue;
    try {
      await (earlier === undefined ? removeInside(root, path) : writeFileInside(root, path, earlier));
    } catch {
      left.push(path);
    }
  }
  return left;
}
