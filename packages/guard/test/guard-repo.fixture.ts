// Shared by the guard's tests: a real git history to compare. `createGuardRepo` commits the base on
// `main`; a test then commits (or only writes) the change and runs a comparer between a base and the
// working tree, exactly as `harness check guard` would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildGuardInput } from '../src/guard-input.js';
import type { GuardInput, Loosening, SurfaceComparer } from '../src/guard-types.js';

/** File texts by repository-relative path; `null` deletes the file. */
export type RepoFiles = Readonly<Record<string, string | null>>;

export interface GuardRepo {
  /** Absolute path of the repository (a temp folder). */
  root: string;
  /** Writes `files` and commits them; returns the new commit's sha. */
  commit(files: RepoFiles, message?: string): string;
  /** Writes `files` into the working tree without committing (an uncommitted change). */
  write(files: RepoFiles): void;
  /** `git …` in the repository; its trimmed stdout. */
  git(...args: string[]): string;
  /** Removes the repository. */
  cleanup(): void;
}

/** A temp repository on branch `main` whose first commit holds `files` (the base). */
export function createGuardRepo(files: RepoFiles): GuardRepo {
  const root = mkdtempSync(join(tmpdir(), 'guard-repo-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'guard@example.com');
  git('config', 'user.name', 'guard test');
  git('config', 'commit.gpgsign', 'false');
  const write = (changed: RepoFiles): void => writeFiles(root, changed);
  const commit = (changed: RepoFiles, message = 'change'): string => {
    write(changed);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  commit(files, 'base');
  return { root, commit, write, git, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function writeFiles(root: string, files: RepoFiles): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (text === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** The comparers' input for the working tree of `root` against `base` (default `HEAD~`: the commit before the change). */
export async function guardInputFor(root: string, base = 'HEAD~'): Promise<GuardInput> {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${base}^{commit}`], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  return (await buildGuardInput(root, { ref: base, commit })).input;
}

/** Runs `comparer` between `base` (default `HEAD~`) and the working tree of `root`. */
export async function compareWith(root: string, comparer: SurfaceComparer, base = 'HEAD~'): Promise<Loosening[]> {
  return comparer(await guardInputFor(root, base));
}
