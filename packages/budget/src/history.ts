// .harness/budget/history.jsonl: one JSON line per measured run, appended.
// Format: https://jsonlines.org. agent-harness-system's appendLineInside writes each line with
// O_APPEND and one write(2), so lines from concurrent runs never tear or interleave.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { appendLineInside, assertInsideRoot, ensureStateDir } from 'agent-harness-system';
import { z } from 'zod';

export const historyFile = '.harness/budget/history.jsonl';

const taskSchema = z.object({
  ms: z.number(),
  cache: z.enum(['HIT', 'MISS']),
  savedMs: z.number().optional(),
  exitCode: z.number().optional(),
});

const entrySchema = z.object({
  v: z.literal(1),
  budget: z.string(),
  /** One `harness budget` invocation of this budget; its runs share it. */
  invocation: z.string(),
  run: z.int(),
  runs: z.int(),
  time: z.string(),
  commit: z.string().nullable(),
  branch: z.string().nullable(),
  dirty: z.boolean(),
  command: z.string(),
  seconds: z.number(),
  durationMs: z.number(),
  cpuMs: z.number().optional(),
  exitCode: z.int(),
  machine: z.object({
    cores: z.number(),
    cpu: z.string(),
    memoryMb: z.number(),
    os: z.string(),
    arch: z.string(),
    node: z.string(),
    ci: z.boolean(),
  }),
  turbo: z.object({ hit: z.int(), miss: z.int(), tasks: z.record(z.string(), taskSchema) }).optional(),
});

export type HistoryEntry = z.output<typeof entrySchema>;
export type HistoryTask = z.output<typeof taskSchema>;

/**
 * Appends one entry as one line with a single write, creating the file and its folder. Never
 * through a symlink that leads out of the repository.
 */
export async function appendHistoryEntry(root: string, entry: HistoryEntry): Promise<void> {
  await assertInsideRoot(root, historyFile);
  await ensureStateDir(dirname(join(root, historyFile)));
  await appendLineInside(root, historyFile, JSON.stringify(entry));
}

export interface History {
  entries: HistoryEntry[];
  /** Line numbers that are not a valid entry (a crash mid-write, a hand edit); they are ignored. */
  badLines: number[];
}

/** Reads every valid entry in file order; a missing file is an empty history. */
export async function readHistory(root: string): Promise<History> {
  let text: string;
  try {
    text = await readFile(join(root, historyFile), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], badLines: [] };
    throw new HarnessError('IO_FAILED', `cannot read ${historyFile}`, { place: { file: historyFile }, cause });
  }
  return parseHistory(text);
}

export function parseHistory(text: string): History {
  const entries: HistoryEntry[] = [];
  const badLines: number[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = entrySchema.safeParse(safeJson(line));
    if (parsed.success) entries.push(parsed.data);
    else badLines.push(index + 1);
  });
  return { entries, badLines };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
