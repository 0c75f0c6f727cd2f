// The properties every hostile run keeps, as plain functions: the suite asserts them with vitest,
// the soak (bench/hostile/run.ts) counts them. Only node builtins: the soak imports this file
// under Node's type stripping.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface BinResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The run was killed for taking longer than its limit. */
  hung: boolean;
}

const stackLine = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** What is wrong with a run's outcome: it must end, exit 0, 1 or 2, and a 2 is a stable error code, never a crash. */
export function outcomeProblems(result: BinResult): string[] {
  const problems: string[] = [];
  if (result.hung) problems.push('did not terminate');
  if (result.code !== 0 && result.code !== 1 && result.code !== 2)
    problems.push(`exit code ${String(result.code)} (signal ${String(result.signal)})`);
  if (/internal error|This is a bug in harness/i.test(`${result.stdout}\n${result.stderr}`))
    problems.push('internal error');
  if (stackLine.test(result.stderr) || stackLine.test(result.stdout)) problems.push('stack trace without --debug');
  if (result.code === 2 && !/error [A-Z][A-Z_]+:/.test(result.stderr))
    problems.push('exit 2 without a stable error code');
  return problems;
}

/** Every entry under `dir` (symlinks not followed) with its type and content hash. */
export function snapshot(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (skip(path)) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(path, `link ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(path, 'dir');
        walk(path);
      } else entries.set(path, `file ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return entries;
}

/** The paths that differ between two snapshots. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}
