// The ground a hostile case runs on, and the properties every run must keep. A case gets a base
// folder holding the repository, a sibling `outside/` (what a symlink or `..` could reach), its own
// HOME and TMPDIR; the built bin runs with Node 24 (this process's node) in a clean environment.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const bin = fileURLToPath(new URL('../../bin/harness.js', import.meta.url));

export interface Ground {
  base: string;
  repo: string;
  outside: string;
  home: string;
  tmp: string;
}

export interface BinResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The run was killed for taking longer than its limit. */
  hung: boolean;
}

const made: string[] = [];

/** A git repository holding `files` (a null content is a folder), committed, with the sentinel outside. */
export function createGround(files: Record<string, string> = {}, options: { git?: boolean; commit?: boolean } = {}): Ground {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-hostile-')));
  made.push(base);
  const ground = { base, repo: join(base, 'repo'), outside: join(base, 'outside'), home: join(base, 'home'), tmp: join(base, 'tmp') };
  for (const dir of [ground.repo, ground.outside, ground.home, ground.tmp]) mkdirSync(dir);
  writeFileSync(join(ground.outside, 'AGENTS.md'), '# Outside\n\nSee [gone](gone.md).\n');
  writeFileSync(join(ground.outside, 'victim.ts'), "import x from './nowhere';\n");
  writeFiles(ground.repo, files);
  if (options.git !== false) {
    git(ground.repo, ['init', '-q', '-b', 'main']);
    if (options.commit !== false) commitAll(ground.repo);
  }
  return ground;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function commitAll(repo: string): void {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--allow-empty', '-m', 'fixture']);
}

export function removeGrounds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
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

/** Everything under the base except the repository: what no run may change. */
export const outsideSnapshot = (ground: Ground) => snapshot(ground.base, (path) => path === ground.repo);

export function env(ground: Ground): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ground.home, TMPDIR: ground.tmp, NO_COLOR: '1', LANG: 'C.UTF-8' };
}

/** Starts the bin; `limitMs` is a hang detector (a property: it terminates), never a timing assertion. */
export function startBin(ground: Ground, args: string[], cwd = ground.repo): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd, env: env(ground), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runBin(ground: Ground, args: string[], options: { cwd?: string; limitMs?: number } = {}): Promise<BinResult> {
  const child = startBin(ground, args, options.cwd);
  return collect(child, options.limitMs ?? 60_000);
}

export function collect(child: ChildProcess, limitMs: number): Promise<BinResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const limit = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr, hung });
    });
  });
}

const stackLine = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** The properties every run keeps: it ends, exits 0, 1 or 2, and a 2 is a stable error code, never a crash. */
export function expectCleanOutcome(result: BinResult, what: string): void {
  const shown = `${what}\nexit ${String(result.code)} ${String(result.signal)}\nstderr: ${result.stderr.slice(0, 2000)}\nstdout: ${result.stdout.slice(0, 500)}`;
  expect(result.hung, `did not terminate: ${shown}`).toBe(false);
  expect([0, 1, 2], `exit code: ${shown}`).toContain(result.code);
  expect(`${result.stdout}\n${result.stderr}`, `internal error: ${shown}`).not.toMatch(/internal error|This is a bug in harness/i);
  expect(result.stderr, `stack trace without --debug: ${shown}`).not.toMatch(stackLine);
  expect(result.stdout, `stack trace without --debug: ${shown}`).not.toMatch(stackLine);
  if (result.code === 2) expect(result.stderr, `exit 2 without a stable error code: ${shown}`).toMatch(/error [A-Z][A-Z_]+:/);
}

/** What lies outside the repository is as it was, and the run left no temporary files. */
export function expectNothingOutside(ground: Ground, before: Map<string, string>, what: string): void {
  expect(Object.fromEntries(outsideSnapshot(ground)), `wrote outside the repository: ${what}`).toEqual(Object.fromEntries(before));
  expect(readdirSync(ground.tmp), `left temporary files: ${what}`).toEqual([]);
}
