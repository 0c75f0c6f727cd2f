// Paths that come from user data (config keys, file names from an API) and files that may be
// symlinks: harness writes only where a path really lands inside the repository. Node's realpath
// (https://nodejs.org/api/fs.html#fspromisesrealpathpath-options) resolves what exists; the part
// that does not exist yet is resolved link by link, so a dangling symlink out is caught too.
import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HarnessError } from './harness-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

const maxLinks = 40;

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Where `path` lands once every symlink on it is followed, existing or not. */
async function landing(path: string, links = 0): Promise<string> {
  if (links > maxLinks) throw Object.assign(new Error(`too many symbolic links at ${path}`), { code: 'ELOOP' });
  try {
    return await realpath(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cause;
  }
  const stat = await lstat(path).catch(() => undefined);
  if (stat?.isSymbolicLink() === true) return landing(resolve(dirname(path), await readlink(path)), links + 1);
  const parent = dirname(path);
  return parent === path ? path : join(await landing(parent, links + 1), basename(path));
}

/**
 * Throws IO_FAILED unless `path` (absolute, or relative to `root`) stays inside `root`, both as
 * written and once its symlinks are followed.
 */
export async function assertInsideRoot(root: string, path: string): Promise<void> {
  const target = resolve(root, path);
  const shown = relative(root, target) || '.';
  const refuse = (why: string, cause?: unknown) =>
    new HarnessError('IO_FAILED', `refusing to write ${shown}: ${why}`, {
      place: { file: shown },
      fix: 'Keep the path inside the repository, and replace a symlink that leads out of it with a regular file or folder.',
      cause,
    });
  if (!isWithin(resolve(root), target)) throw refuse('it is outside the repository');
  let realRoot: string;
  let landed: string;
  try {
    realRoot = await realpath(root);
    landed = await landing(target);
  } catch (cause) {
    throw refuse(`its symlinks cannot be followed (${(cause as Error).message})`, cause);
  }
  if (!isWithin(realRoot, landed)) throw refuse(`a symlink on the way leads out of the repository, to ${landed}`);
}

/** writeFileAtomic for a path inside `root` that must not leave it, through a symlink or `..`. */
export async function writeFileInside(root: string, path: string, contents: string): Promise<void> {
  await assertInsideRoot(root, path);
  await writeFileAtomic(resolve(root, path), contents);
}
