// Where an import of a workspace package leads when its build output is absent (a fresh clone):
// the package's own `exports` (or `main`/`types`) read by hand, preferring a source-style
// condition (`source`, `@scope/source`, any condition naming "source"), then the entry the
// package would load, followed back from `outDir` to `rootDir` (tsconfig-redirects.ts).
// https://nodejs.org/api/packages.html#subpath-exports
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspaceEntry {
  /** An existing file the import leads to. */
  path?: string;
  /** The absolute path the package's entry names, when no file exists there (for the ignore check). */
  missing?: string;
}

type ExportsValue = string | null | ExportsValue[] | { [key: string]: ExportsValue };

export function findWorkspaceEntry(
  packageDir: string,
  subpath: string,
  conditions: readonly string[],
  redirect: (absolute: string) => string | undefined,
): WorkspaceEntry {
  let manifest: { exports?: ExportsValue; main?: unknown; module?: unknown; types?: unknown; source?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    return {};
  }
  const targets: string[] = [];
  // The entry the package names for loaders (not a source condition): where a build would put it.
  let entry: string | undefined;
  if (manifest.exports !== undefined) {
    const value = exportFor(manifest.exports, subpath);
    for (const preferSource of [true, false]) {
      const target = value === undefined ? undefined : pickTarget(value.value, conditions, preferSource);
      if (target !== undefined) targets.push(target.replaceAll('*', value?.star ?? ''));
      if (!preferSource) entry = targets.at(-1);
    }
  } else if (subpath === '.') {
    for (const field of [manifest.source, manifest.types, manifest.module, manifest.main, 'index.js'])
      if (typeof field === 'string') targets.push(field);
    entry = [manifest.types, manifest.module, manifest.main, 'index.js'].find((field) => typeof field === 'string');
  } else {
    targets.push(subpath);
    entry = subpath;
  }
  for (const target of targets) {
    const absolute = join(packageDir, target);
    if (existsSync(absolute) && !absolute.endsWith('/')) return { path: absolute };
    // A deep import without an extension (`@scope/core/lib/browser`) names a built file or folder.
    const built = /\.[cm]?js$|\.d\.[cm]?ts$/.test(absolute)
      ? [absolute]
      : [absolute, `${absolute}.js`, join(absolute, 'index.js')];
    for (const output of built) {
      const source = redirect(output);
      if (source !== undefined) return { path: source };
    }
  }
  return entry === undefined ? {} : { missing: join(packageDir, entry) };
}

/** The exports entry for a subpath (`.`, `./feature`), exact or through a `*` pattern. */
function exportFor(exports: ExportsValue, subpath: string): { value: ExportsValue; star?: string } | undefined {
  const isMap =
    typeof exports === 'object' &&
    exports !== null &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((k) => k.startsWith('.'));
  if (!isMap) return subpath === '.' ? { value: exports } : undefined;
  const map = exports as Record<string, ExportsValue>;
  if (map[subpath] !== undefined) return { value: map[subpath] };
  let best: { value: ExportsValue; star: string; prefix: number } | undefined;
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    if (best === undefined || prefix.length > best.prefix)
      best = { value, star: subpath.slice(prefix.length, subpath.length - suffix.length), prefix: prefix.length };
  }
  return best;
}

/** The target a conditions object selects: a source-style condition first when asked, else the first known condition in key order. */
function pickTarget(value: ExportsValue, conditions: readonly string[], preferSource: boolean): string | undefined {
  if (typeof value === 'string') return preferSource ? undefined : value;
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = pickTarget(item, conditions, preferSource);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (preferSource && /source/i.test(key)) {
      const found = pickTarget(inner, conditions, false);
      if (found !== undefined) return found;
    }
    if (conditions.includes(key)) {
      const found = pickTarget(inner, conditions, preferSource);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
