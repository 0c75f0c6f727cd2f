// Reads and writes stay inside the repository: a file is read only when its real path is inside
// the root, and a path whose existing parts include a symlink that leads out of the root
// (`.harness -> /somewhere`) is not written through.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Whether writing `path` (repository-relative) would stay inside the root; the reason when not. */
export function writeStaysInside(root: string, path: string): { inside: true } | { inside: false; via: string } {
  const inside = insideRoot(root);
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const part = parts.slice(0, i).join('/');
    let link: boolean;
    try {
      link = lstatSync(join(root, part)).isSymbolicLink();
    } catch {
      return { inside: true }; // from here on nothing exists: it is created inside
    }
    if (!link) continue;
    try {
      if (!inside(realpathSync(join(root, part)))) return { inside: false, via: part };
    } catch {
      return { inside: false, via: part }; // a dangling link: writing through it would create its target
    }
  }
  return { inside: true };
}

export function readableInside(absolute: string, inside: (absolute: string) => boolean): boolean {
  try {
    return statSync(absolute).isFile() && inside(realpathSync(absolute));
  } catch {
    return false;
  }
}

/** Whether a real path lies inside the root's real path. */
export function insideRoot(root: string): (absolute: string) => boolean {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    real = root;
  }
  const prefix = real.endsWith(sep) ? real : real + sep;
  return (absolute) => absolute === real || absolute.startsWith(prefix);
}
