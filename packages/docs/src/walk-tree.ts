// The files of a folder that is not a git work tree, listed as git would list them: a symbolic link
// is an entry of its own and is never followed (one to `/`, to a parent, or round a loop would read
// the whole disk or never end), and dependency, build and VCS folders are skipped.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const skipped = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.turbo']);

/** Repository-relative paths of the files and symbolic links under `root`, sorted. */
export function walkTree(root: string): string[] {
  const files: string[] = [];
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      continue; // unreadable: nothing of it is known
    }
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) pending.push(path);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(path);
      }
    }
  }
  return files.sort();
}
