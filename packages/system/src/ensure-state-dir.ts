// A folder harness keeps its own state in (caches, history, generated files) ignores itself,
// as pytest's and ruff's caches do: a `.gitignore` inside it holding `*` (which also ignores the
// `.gitignore`). So no user file is touched, `git add -A` never commits the state, and a check
// run in a repository without `harness init` never dirties the tree.
// Spec: https://git-scm.com/docs/gitignore ("A gitignore file ... in the same directory as the path").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';

export const stateDirIgnore = '# Created by harness: this folder holds state that is never committed.\n*\n';

/** Creates `dir` (and its parents) with a `.gitignore` of `*` when it has none; never overwrites. */
export function ensureStateDirSync(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    // "wx" is O_CREAT|O_EXCL: it fails on any existing entry, a symbolic link included, and so
    // never writes through a link or over a file the user put there.
    writeFileSync(join(dir, '.gitignore'), stateDirIgnore, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new HarnessError('IO_FAILED', `cannot create the state folder ${dir}: ${(error as Error).message}`, {
      place: { file: dir },
      fix: 'Check that the folder is writable and the disk is not full.',
      cause: error,
    });
  }
}

/** ensureStateDirSync for async callers. */
export function ensureStateDir(dir: string): Promise<void> {
  return Promise.resolve().then(() => ensureStateDirSync(dir));
}
