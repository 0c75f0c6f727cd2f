// Every file compose writes or deletes stays inside a root: the worktree (`.harness/env`,
// `.harness/compose/`) or git's common dir (ports, locks, caches). npm's write-file-atomic writes
// through a symlink to its target, and `mkdir -p` and `rm` follow a symlinked folder, so a
// `.harness` or `.harness/env` that is a symlink out of the repository would have harness write or
// delete a file anywhere; diagnostics' assertInsideRoot checks each path first, link by link.
// Spec: https://nodejs.org/api/fs.html#fspromiseslstatpath-options (lstat does not follow links).
import { lstat, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { assertInsideRoot, HarnessError, isHarnessError, writeFileInside } from '@harness/diagnostics';

function ioFailed(what: string, path: string, error: unknown): HarnessError {
  return new HarnessError('IO_FAILED', `cannot ${what} ${path}: ${(error as Error).message}`, {
    place: { file: path },
    fix: 'Check that the folder is writable and that nothing else stands at that path.',
    cause: error,
  });
}

/** write-file-atomic (temporary file, fsync, rename) of a path that stays inside `root`. */
export async function writeInside(root: string, path: string, text: string): Promise<void> {
  try {
    await writeFileInside(root, path, text);
  } catch (error) {
    throw isHarnessError(error) ? error : ioFailed('write', path, error);
  }
}

/** `mkdir -p` of a folder that stays inside `root`. */
export async function mkdirInside(root: string, path: string): Promise<void> {
  await assertInsideRoot(root, path);
  await mkdir(path, { recursive: true }).catch((error: unknown) => {
    throw ioFailed('create', path, error);
  });
}

/** Deletes the file `path` (nothing when absent); a symlink is removed itself, never its target. */
export async function removeInside(root: string, path: string): Promise<void> {
  await assertInsideRoot(root, dirname(path));
  const info = await lstat(path).catch(() => undefined);
  if (info === undefined) return;
  await rm(path, { force: info.isSymbolicLink() || info.isFile() }).catch((error: unknown) => {
    throw ioFailed('delete', path, error);
  });
}
