// Paths from the docs (code-span mentions, link targets) are user data. Before one reaches git or
// the file system it must be a normalized repository-relative path that stays inside the work tree,
// and git must not be asked about a path under a symbolic link: `git check-ignore` stops at the
// first such path ("is outside repository", "is beyond a symbolic link") and answers nothing.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPath } from './resolve-link.js';

/** True when `path` is relative, normalized (no `.`, `..` or empty segment) and so inside the root. */
export function insideRoot(path: string): boolean {
  return cleanPath(path) && !path.includes('\0');
}

/**
 * A function giving, for a repository path, what git may be asked about instead: the path itself,
 * or the first folder on its way that is a symbolic link on disk (what is under a link is ignored
 * exactly when the link is), or undefined for a path that leaves the root. `files` are the paths git
 * knows: a folder among them (a symbolic link or a submodule) is not looked at on disk.
 */
export function createGitPathFilter(root: string, files: ReadonlySet<string>): (path: string) => string | undefined {
  const linked = new Map<string, boolean>();
  const isLink = (dir: string): boolean => {
    let known = linked.get(dir);
    if (known === undefined) {
      try {
        known = lstatSync(join(root, dir)).isSymbolicLink();
      } catch {
        known = false; // not on disk: nothing below it is either
      }
      linked.set(dir, known);
    }
    return known;
  };
  return (path) => {
    const clean = path.endsWith('/') ? path.slice(0, -1) : path;
    if (!insideRoot(clean)) return undefined;
    for (let at = clean.indexOf('/'); at !== -1; at = clean.indexOf('/', at + 1)) {
      const dir = clean.slice(0, at);
      if (files.has(dir) || isLink(dir)) return dir;
    }
    // "link/" is beyond the link as well.
    return clean !== path && (files.has(clean) || isLink(clean)) ? clean : path;
  };
}
