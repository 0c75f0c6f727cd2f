// Folder globs as layers, providers, shared code and contracts use them: `src/providers` and
// `src/providers/**` both cover every file under the folder.
import picomatch from 'picomatch';

/** A list of globs or plain folders: a file matches when it or one of its folders matches. */
export function createFolderMatcher(patterns: readonly string[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch(patterns.map((p) => p.replace(/\/+$/, '')));
  const cache = new Map<string, boolean>();
  return (file) => {
    if (matches(file)) return true;
    for (const dir of ancestorFolders(file)) {
      let hit = cache.get(dir);
      if (hit === undefined) {
        hit = matches(dir);
        cache.set(dir, hit);
      }
      if (hit) return true;
    }
    return false;
  };
}

/** `a/b/c.ts` → `a`, `a/b` (outermost first). */
export function ancestorFolders(file: string): string[] {
  const dirs: string[] = [];
  for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) dirs.push(file.slice(0, i));
  return dirs;
}
