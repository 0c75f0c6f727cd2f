// Remembers what a standalone compose binary said to `version`, keyed by its path, size and
// mtime: legacy docker-compose is a Python program that takes most of a second to start, and
// every harness command would otherwise pay that once just to learn which tool it is.
import { accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Env } from 'agent-harness-system';
import { writeFileInside } from 'agent-harness-system';

interface CacheEntry {
  path: string;
  size: number;
  mtimeMs: number;
  version: string;
}

/** The executable `name` on PATH, as the shell would find it. */
export function findOnPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function keyOf(path: string): Omit<CacheEntry, 'version'> | undefined {
  try {
    const info = statSync(path);
    return { path, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The cache file and the root it must stay inside (git's common dir). */
export interface VersionCache {
  root: string;
  file: string;
}

/** The cache's entries; an unreadable or foreign file is an empty cache. */
async function readEntries(file: string | undefined): Promise<CacheEntry[]> {
  if (file === undefined) return [];
  const parsed = await readFile(file, 'utf8')
    .then((t) => JSON.parse(t) as unknown)
    .catch(() => undefined);
  if (!Array.isArray(parsed)) return [];
  return (parsed as (Partial<CacheEntry> | null)[]).filter(
    (e): e is CacheEntry => typeof e?.path === 'string' && typeof e.version === 'string',
  );
}

export async function cachedVersion(cache: VersionCache | undefined, path: string): Promise<string | undefined> {
  const cacheFile = cache?.file;
  if (cacheFile === undefined) return undefined;
  const key = keyOf(path);
  const entries = await readEntries(cacheFile);
  const hit = entries.find(
    (e) => key !== undefined && e.path === key.path && e.size === key.size && e.mtimeMs === key.mtimeMs,
  );
  return hit?.version;
}

export async function rememberVersion(cache: VersionCache | undefined, path: string, version: string): Promise<void> {
  const key = keyOf(path);
  if (cache === undefined || key === undefined) return;
  const entries = await readEntries(cache.file);
  const others = entries.filter((e) => e.path !== path);
  // A cache: when it cannot be written (read-only, or a symlink out of the repository), the next run asks again.
  await writeFileInside(cache.root, cache.file, `${JSON.stringify([...others, { ...key, version }], null, 2)}\n`).catch(
    () => undefined,
  );
}
