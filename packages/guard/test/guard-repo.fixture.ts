// Shared by the guard's tests: a real git history to compare (test-support/git-history.ts).
// `createGuardRepo` commits the base on `main`; a test then commits (or only writes) the change and
// runs a comparer between a base and the working tree, exactly as `harness check guard` would.
import { execFileSync } from 'node:child_process';
import type { GitRepo, RepoFiles } from '../../../test-support/git-history.js';
import { createGitHistory, createGitRepo } from '../../../test-support/git-history.js';
import { buildGuardInput } from '../src/guard-input.js';
import type { GuardInput, Loosening, SurfaceComparer } from '../src/guard-types.js';

export type { RepoFiles };
/** A guard test's repository: `commit`, `write`, `git` and `remove` (test-support/git-history.ts). */
export type GuardRepo = GitRepo;

/** A temp repository on branch `main` whose first commit holds `files` (the base). */
export function createGuardRepo(files: RepoFiles): GuardRepo {
  return createGitRepo(files, { prefix: 'guard-repo-' });
}

/** A temp repository whose `main` holds `base`, checked out on the branch `feature` with `change` committed. */
export function createFeatureRepo(base: RepoFiles, change: RepoFiles): GuardRepo {
  return createGitHistory(base, change, { prefix: 'guard-repo-', branch: 'feature' });
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
