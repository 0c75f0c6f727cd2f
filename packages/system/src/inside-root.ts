// Paths that come from user data (config keys, file names from an API) and files that may be
// symlinks: harness writes only where a path really lands inside the repository. Node's realpath
// (https://nodejs.org/api/fs.html#fsrealpathsyncpath-options) resolves what exists; the part that
// does not exist yet is resolved link by link, so a dangling symlink out is caught too. The walk is
// synchronous (a handful of lstat calls) so that the synchronous writers use the very same check.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';

const maxLinks = 40;

/** Why a write to a path would leave the repository. */
export interface PathEscape {
  /** The path as the repository shows it (relative to the root). */
  path: string;
  /** The first part of the path that leads out: the path itself for `..` or an absolute path, else a symlink. */
  via: string;
  why: string;
  cause?: unknown;
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Where `path` lands once every symlink on it is followed, existing or not. */
export function landing(path: string, links = 0): string {
  if (links > maxLinks) throw Object.assign(new Error(`too many symbolic links at ${path}`), { code: 'ELOOP' });
  try {
    return realpathSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cause;
  }
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // Absent: it lands where its parent lands.
  }
  if (link) return landing(resolve(dirname(path), readlinkSync(path)), links + 1);
  const parent = dirname(path);
  return parent === path ? path : join(landing(parent, links + 1), basename(path));
}

/**
 * Why writing `path` (absolute, or relative to `root`) would leave `root`, as written or once its
 * symlinks are followed; undefined when it stays inside. `via` names the first part that leads out.
 */
export function findEscape(root: string, path: string): PathEscape | undefined {
  const target = resolve(root, path);
  const shown = relative(root, target) || '.';
  if (!isWithin(resolve(root), target)) return { path: shown, via: shown, why: 'it is outside the repository' };
  const parts = shown === '.' ? [] : shown.split(sep);
  try {
    const realRoot = realpathSync(root);
    for (let i = 1; i <= parts.length; i++) {
      const via = parts.slice(0, i).join(sep);
      const landed = landing(join(resolve(root), via));
      if (!isWithin(realRoot, landed)) {
        return { path: shown, via, why: `a symlink on the way leads out of the repository, to ${landed}` };
      }
    }
  } catch (cause) {
    return { path: shown, via: shown, why: `its symlinks cannot be followed (${(cause as Error).message})`, cause };
  }
  return undefined;
}

/** The IO_FAILED error for a write that would leave the repository. */
export function refusal(escape: PathEscape): HarnessError {
  return new HarnessError('IO_FAILED', `refusing to write ${escape.path}: ${escape.why}`, {
    place: { file: escape.path },
    fix: 'Keep the path inside the repository, and replace a symlink that leads out of it with a regular file or folder.',
    cause: escape.cause,
  });
}

/** Throws IO_FAILED unless `path` (absolute, or relative to `root`) stays inside `root`, links followed. */
export function assertInsideRootSync(root: string, path: string): void {
  const escape = findEscape(root, path);
  if (escape !== undefined) throw refusal(escape);
}

/** assertInsideRootSync for async callers. */
export function assertInsideRoot(root: string, path: string): Promise<void> {
  return Promise.resolve().then(() => assertInsideRootSync(root, path));
}
