// Reading a repository file named by git's listing or by a walk: never through a symbolic link that
// leads out of the work tree (a tracked `docs/x.md -> /etc/…`). The file is opened without
// following a link (O_NOFOLLOW), which costs nothing for the plain files that are almost all of
// them; a link is read only when its real path is inside the root's.
import { closeSync, constants, openSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type InsideRead = { text: string } | { outside: true } | undefined;

const noFollow = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** True when `real` (a real path) is `realRoot` or inside it. */
function isInside(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** The root's real path, for isInside and readInside. */
export function realRoot(root: string): string {
  return realpathSync(root);
}

/**
 * `path`'s text (repository-relative), `{ outside: true }` for a symbolic link out of the tree, or
 * undefined when it cannot be read (gone from the work tree, a folder). Its folders are trusted to
 * be real ones (git lists nothing under a link, nor does walk-tree.ts) unless `checkFolders` is set.
 */
export function readInside(root: string, rootReal: string, path: string, checkFolders = false): InsideRead {
  const full = join(root, path);
  if (checkFolders) {
    try {
      if (!isInside(rootReal, realpathSync(dirname(full)))) return { outside: true };
    } catch {
      return undefined;
    }
  }
  let fd: number;
  try {
    fd = openSync(full, noFollow);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? readLink(full, rootReal) : undefined;
  }
  try {
    return { text: readFileSync(fd, 'utf8') };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readLink(full: string, rootReal: string): InsideRead {
  try {
    const real = realpathSync(full);
    return isInside(rootReal, real) ? { text: readFileSync(real, 'utf8') } : { outside: true };
  } catch {
    return undefined; // a dangling link or a loop
  }
}
