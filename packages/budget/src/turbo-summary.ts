// Reading Turborepo run summaries (`turbo run … --summarize`, or TURBO_RUN_SUMMARY=true).
// Spec: https://turborepo.com/docs/reference/run#--summarize — turbo writes
// .turbo/runs/<id>.json and prints `Summary: <path>`. A task has no duration field:
// it is execution.endTime − execution.startTime (epoch ms); a cache HIT replays in
// about a millisecond and cache.timeSaved holds the original duration.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { HistoryTask } from './history.js';
import type { Env } from 'agent-harness-system';
import { removeInside } from 'agent-harness-system';

const summarySchema = z.object({
  tasks: z.array(
    z.object({
      taskId: z.string(),
      cache: z.object({ status: z.string(), timeSaved: z.number().optional() }).optional(),
      execution: z
        .object({ startTime: z.number(), endTime: z.number(), exitCode: z.number().nullable().optional() })
        .optional(),
    }),
  ),
});

type SummaryTask = z.infer<typeof summarySchema>['tasks'][number];

export interface TurboRun {
  hit: number;
  miss: number;
  tasks: Record<string, HistoryTask>;
}

const summaryLine = /^\s*Summary:\s+(\S.*\.json)\s*$/;

/** The summary path turbo printed on this output line, if any. */
export function summaryPathInLine(line: string): string | undefined {
  return summaryLine.exec(line)?.[1];
}

/** Summaries written under `root` since `sinceMs`, for runs whose output was hidden. */
export async function findNewSummaries(root: string, sinceMs: number): Promise<string[]> {
  const dir = join(root, '.turbo', 'runs');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined && info.mtimeMs >= sinceMs) found.push(file);
  }
  return found.sort();
}

/** Only summaries inside the repository count: a nested fixture's turbo run is not ours. */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, resolve(root, file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Merges the tasks of every summary: a task run twice adds up, and is a MISS if either run missed.
 * With `removeFrom` (the repository root), each summary read is deleted, inside that root only.
 */
export async function readTurboRun(
  files: readonly string[],
  options: { removeFrom?: string | undefined } = {},
): Promise<TurboRun | undefined> {
  const tasks: Record<string, HistoryTask> = {};
  let read = 0;
  for (const file of files) {
    const parsed = summarySchema.safeParse(await readJson(file));
    if (!parsed.success) continue;
    read += 1;
    for (const task of parsed.data.tasks) tasks[task.taskId] = mergeTask(tasks[task.taskId], task);
    if (options.removeFrom !== undefined) await removeInside(options.removeFrom, file);
  }
  if (read === 0) return undefined;
  const all = Object.values(tasks);
  return {
    hit: all.filter((t) => t.cache === 'HIT').length,
    miss: all.filter((t) => t.cache === 'MISS').length,
    tasks,
  };
}

/** One summary's task added to what earlier summaries said about the same task id. */
function mergeTask(previous: HistoryTask | undefined, task: SummaryTask): HistoryTask {
  const ms = task.execution === undefined ? 0 : Math.max(0, task.execution.endTime - task.execution.startTime);
  const cache = task.cache?.status === 'HIT' ? 'HIT' : 'MISS';
  const entry: HistoryTask = {
    ms: ms + (previous?.ms ?? 0),
    cache: previous?.cache === 'MISS' ? 'MISS' : cache,
  };
  if (entry.cache === 'HIT' && task.cache?.timeSaved !== undefined) entry.savedMs = task.cache.timeSaved;
  const exitCode = task.execution?.exitCode;
  if (exitCode !== undefined && exitCode !== null && exitCode !== 0) entry.exitCode = exitCode;
  return entry;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether the user asked for summaries themselves, so the files are theirs to keep. */
export function userWantsSummaries(command: string, env: Env): boolean {
  return (
    /(^|\s)--summarize(\s|=|$)/.test(command) || (env.TURBO_RUN_SUMMARY !== undefined && env.TURBO_RUN_SUMMARY !== '')
  );
}
