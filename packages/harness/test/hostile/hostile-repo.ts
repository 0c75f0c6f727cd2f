// The ground a hostile case runs on, and the properties every run must keep. A case gets a base
// folder holding the repository, a sibling `outside/` (what a symlink or `..` could reach), its own
// HOME and TMPDIR; the built bin runs with Node 24 (this process's node) in a clean environment.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BinResult } from './properties.js';
import { changedPaths, outcomeProblems, snapshot } from './properties.js';

export type { BinResult } from './properties.js';
export { snapshot } from './properties.js';

/** The built bin; HARNESS_HOSTILE_BIN points the suite at another build (an older one, to see it fail). */
const bin = process.env.HARNESS_HOSTILE_BIN ?? fileURLToPath(new URL('../../bin/harness.js', import.meta.url));

export interface Ground {
  base: string;
  repo: string;
  outside: string;
  home: string;
  tmp: string;
}

const made: string[] = [];

/** A git repository holding `files` (a null content is a folder), committed, with the sentinel outside. */
export function createGround(
  files: Record<string, string> = {},
  options: { git?: boolean; commit?: boolean } = {},
): Ground {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-hostile-')));
  made.push(base);
  const ground = {
    base,
    repo: join(base, 'repo'),
    outside: join(base, 'outside'),
    home: join(base, 'home'),
    tmp: join(base, 'tmp'),
  };
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

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function git(cwd: string, args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.autocrlf=false', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export function commitAll(repo: string): void {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--allow-empty', '-m', 'fixture']);
}

export function removeGrounds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Everything under the base except the repository: what no run may change. */
export const outsideSnapshot = (ground: Ground) => snapshot(ground.base, (path) => path === ground.repo);

function env(ground: Ground): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: ground.home,
    TMPDIR: ground.tmp,
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
  };
}

/** Starts the bin; `limitMs` is a hang detector (a property: it terminates), never a timing assertion. */
export function startBin(ground: Ground, args: string[], cwd = ground.repo): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd, env: env(ground), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runBin(
  ground: Ground,
  args: string[],
  options: { cwd?: string; limitMs?: number } = {},
): Promise<BinResult> {
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

/** The properties every run keeps: it ends, exits 0, 1 or 2, and a 2 is a stable error code, never a crash. */
export function expectCleanOutcome(result: BinResult, what: string): void {
  const shown = `${what}\nexit ${String(result.code)} ${String(result.signal)}\nstderr: ${result.stderr.slice(0, 2000)}\nstdout: ${result.stdout.slice(0, 500)}`;
  expect(outcomeProblems(result), shown).toEqual([]);
}

/** docs/contract.md, "Exit codes": an exit-2 error is also printed in the requested format on stdout. */
export function expectErrorInFormat(result: BinResult, format: string, what: string): void {
  if (result.code !== 2) return;
  const shown = `${what}\nstdout: ${result.stdout.slice(0, 1000)}\nstderr: ${result.stderr.slice(0, 1000)}`;
  if (format === 'json') {
    let document: { ok?: unknown; error?: { code?: unknown } } | undefined;
    expect(
      () => (document = JSON.parse(result.stdout) as typeof document),
      `not one JSON document: ${shown}`,
    ).not.toThrow();
    expect(document?.ok, shown).toBe(false);
    expect(document?.error?.code, shown).toMatch(/^[A-Z][A-Z_]+$/);
  }
  if (format === 'github') expect(result.stdout, shown).toMatch(/^::error .*title=harness [A-Z_]+::/m);
  if (format === 'sarif')
    expect(() => JSON.parse(result.stdout) as unknown, `not one SARIF document: ${shown}`).not.toThrow();
}

/** What lies outside the repository is as it was, and the run left no temporary files. */
export function expectNothingOutside(ground: Ground, before: Map<string, string>, what: string): void {
  expect(changedPaths(before, outsideSnapshot(ground)), `wrote outside the repository: ${what}`).toEqual([]);
  expect(readdirSync(ground.tmp), `left temporary files: ${what}`).toEqual([]);
}
