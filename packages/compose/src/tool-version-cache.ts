// Remembers what a standalone compose binary said to `version`, keyed by its path, size and
// mtime: legacy docker-compose is a Python program that takes most of a second to start, and
// every harness command would otherwise pay that once just to learn which tool it is.
import { accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { writeFileAtomic } from '@harness/diagnostics';

interface CacheEntry {
  path: string;
  size: number;
  mtimeMs: number;
  version: string;
}

/** The executable `name` on PATH, as the shell would find it. */
export function findOnPath(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
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

export async function cachedVersion(cacheFile: string | undefined, path: string): Promise<string | undefined> {
  if (cacheFile === undefined) return undefined;
  const key = keyOf(path);
  const entries = (await readFile(cacheFile, 'utf8').then((t) => JSON.parse(t) as CacheEntry[]).catch(() => [])) ?? [];
  const hit = entries.find((e) => key !== undefined && e.path === key.path && e.size === key.size && e.mtimeMs === key.mtimeMs);
  return hit?.version;
}

export async function rememberVersion(cacheFile: string | undefined, path: string, version: string): Promise<void> {
  const key = keyOf(path);
  if (cacheFile === undefined || key === undefined) return;
  const entries = await readFile(cacheFile, 'utf8').then((t) => JSON.parse(t) as CacheEntry[]).catch((): CacheEntry[] => []);
  const others = entries.filter((e) => e.path !== path);
  await writeFileAtomic(cacheFile, `${JSON.stringify([...others, { ...key, version }], null, 2)}\n`).catch(() => undefined);
}
