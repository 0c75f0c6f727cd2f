// Folder globs as layers, providers, shared code and contracts use them: `src/providers` and
// `src/providers/**` both cover every file under the folder.
import picomatch from 'picomatch';

/** A list of globs or plain folders: a file matches when it or one of its folders matches. */
export function createFolderMatcher(patterns: readonly string[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch(patterns.map((p) => p.replace(/\/+$/, '')));
  // Whether a folder or one of its ancestors matches, kept per folder: a file's folders are asked
  // once for all the files in them.
  const folders = new Map<string, boolean>();
  const folderOrAncestorMatches = (dir: string): boolean => {
    let hit = folders.get(dir);
    if (hit === undefined) {
      const slash = dir.lastIndexOf('/');
      hit = (slash !== -1 && folderOrAncestorMatches(dir.slice(0, slash))) || matches(dir);
      folders.set(dir, hit);
    }
    return hit;
  };
  // Each file is asked about once per edge that leads to it: its verdict is kept too.
  const verdicts = new Map<string, boolean>();
  return (file) => {
    let verdict = verdicts.get(file);
    if (verdict === undefined) {
      const slash = file.lastIndexOf('/');
      verdict = matches(file) || (slash > 0 && folderOrAncestorMatches(file.slice(0, slash)));
      verdicts.set(file, verdict);
    }
    return verdict;
  };
}

/** `a/b/c.ts` → `a`, `a/b` (outermost first). */
export function ancestorFolders(file: string): string[] {
  const dirs: string[] = [];
  for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) dirs.push(file.slice(0, i));
  return dirs;
}
