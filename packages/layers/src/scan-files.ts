// Pass 1 of a graph build, what changed: unchanged files (same size and mtime) are not even read;
// the others are read and, when their hash changed, lexed, on several threads when there are many
// (scan-in-parallel.ts). A run that resolves what it reads (a cold one) resolves each file's
// imports, on the main thread, as soon as the file is read, while the workers read on.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { ImportResolver } from './create-import-resolver.js';
import { lazyGraphFile, withTargets } from './graph-file.js';
import type { CachedFile, CacheDocument } from './import-cache.js';
import { plainFile } from './import-cache.js';
import type { LazyResolver } from './lazy-resolver.js';
import { resolveAll } from './lazy-resolver.js';
import type { GraphFile, GraphListing, GraphStats } from './layers-types.js';
import type { SourceRead } from './read-source.js';
import { readSources } from './scan-in-parallel.js';
import { insideRoot } from './write-guard.js';

export interface ScannedFile {
  path: string;
  cached: CachedFile;
  unchanged: boolean;
  /** A lexed file's entry before the edit, whose targets still hold when its imports name the same specifiers. */
  before?: CachedFile | undefined;
  /** Resolved while the scan went on: the entry with its targets, and its graph file. */
  resolved?: { entry: CachedFile; file: GraphFile } | undefined;
}

export interface ScanInput {
  root: string;
  sources: readonly string[];
  previous: CacheDocument | undefined;
  stats: GraphStats;
  listing: GraphListing;
  /** Its knownFiles are filled here, before it loads. */
  resolver: LazyResolver;
  /** Resolve each lexed file as it is read (no targets to reuse); `onResolved` hears of each. */
  early: { onResolved: ((file: GraphFile) => void) | undefined } | undefined;
}

interface ChangedFile {
  /** Its place among the entries. */
  at: number;
  path: string;
  stat: FileStat;
  cached: CachedFile | undefined;
}

export async function scanFiles(input: ScanInput): Promise<{ entries: ScannedFile[]; lexed: number }> {
  const { entries, changed } = statSources(input);
  const { stats, early } = input;
  const resolving = early === undefined ? undefined : new ResolveAsRead(input.resolver, early.onResolved);
  let lexed = 0;
  const settle = (i: number, read: SourceRead | undefined): void => {
    const { at, path, stat, cached } = changed[i] as ChangedFile;
    if (read === undefined) return; // deleted between listing and reading: not part of this run
    if (read.lexed === undefined && cached !== undefined) {
      stats.lexedFromCache += 1;
      const touched = { ...plainFile(cached), size: stat.size, mtimeMs: stat.mtimeMs };
      entries[at] = { path, cached: touched, unchanged: true };
      return;
    }
    lexed += 1;
    const { imports, suppressions, error } = read.lexed ?? { imports: [], suppressions: [] };
    const entry: CachedFile = { hash: read.digest, size: stat.size, mtimeMs: stat.mtimeMs, imports, suppressions };
    if (error !== undefined) entry.error = error;
    const scanned: ScannedFile = { path, cached: entry, unchanged: false, before: cached };
    entries[at] = scanned;
    resolving?.add(scanned);
  };
  const jobs = changed.map(({ path, cached }) => ({ path, expected: cached?.hash }));
  const reads = await readSources(input.root, jobs, resolving === undefined ? undefined : settle);
  if (resolving === undefined) reads.forEach((read, i) => settle(i, read));
  else await resolving.finish();
  return { entries: entries.filter((e) => e !== undefined), lexed };
}

/** Every listed file's size and mtime: which are unchanged since the cache, and which must be read. */
function statSources(input: ScanInput): { entries: Array<ScannedFile | undefined>; changed: ChangedFile[] } {
  const { root, previous, stats, listing } = input;
  const entries: Array<ScannedFile | undefined> = [];
  const changed: ChangedFile[] = [];
  const regularFiles = input.resolver.knownFiles;
  const inside = insideRoot(root);
  // Joined by hand: the listed paths are already normalized, and path.join of each cost more than its lstat.
  const base = root.endsWith(sep) ? root : root + sep;
  for (const path of input.sources) {
    const cached = previous?.files[path];
    const stat = statFile(base + path, inside);
    if (stat === 'outside') {
      listing.outside.push(path);
      continue;
    }
    if (stat === undefined) continue;
    if (!stat.link) regularFiles.add(path);
    if (cached !== undefined && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
      stats.lexedFromCache += 1;
      entries.push({ path, cached, unchanged: true });
    } else {
      changed.push({ at: entries.length, path, stat, cached });
      entries.push(undefined);
    }
  }
  return { entries, changed };
}

/**
 * Resolves files as they are read, in arrival order once the resolver has loaded (it loads while
 * the first files are read). It runs in the scan's callbacks (a worker's message), so a failure is
 * kept and thrown by `finish`, after the scan.
 */
class ResolveAsRead {
  readonly #waiting: ScannedFile[] = [];
  #failure: { error: unknown } | undefined;
  readonly #loading: Promise<void>;

  constructor(
    private readonly resolver: LazyResolver,
    private readonly onResolved: ((file: GraphFile) => void) | undefined,
  ) {
    this.#loading = resolver.load().then((loaded) => this.#drain(loaded));
    this.#loading.catch(() => undefined); // awaited by finish, which rethrows
  }

  add(file: ScannedFile): void {
    this.#waiting.push(file);
    if (this.resolver.loaded !== undefined) this.#drain(this.resolver.loaded);
  }

  async finish(): Promise<void> {
    await this.#loading;
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  #drain(resolver: ImportResolver): void {
    try {
      for (let item = this.#waiting.shift(); item !== undefined; item = this.#waiting.shift()) {
        if (this.#failure !== undefined) return;
        const entry = withTargets(item.cached, resolveAll(resolver, item.path, item.cached));
        const file = lazyGraphFile(item.path, entry);
        item.resolved = { entry, file };
        this.onResolved?.(file);
      }
    } catch (error) {
      this.#failure ??= { error };
    }
  }
}

interface FileStat {
  size: number;
  mtimeMs: number;
  /** A symbolic link (to a file inside the root). */
  link: boolean;
}

function statFile(absolute: string, inside: (absolute: string) => boolean): FileStat | 'outside' | undefined {
  try {
    let stats = lstatSync(absolute);
    const link = stats.isSymbolicLink();
    if (link) {
      // A symlinked file is read only when it leads to a file inside the root.
      if (!inside(realpathSync(absolute))) return 'outside';
      stats = statSync(absolute);
    }
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, link } : undefined;
  } catch {
    // Deleted between listing and reading: it is simply not part of this run.
    return undefined;
  }
}
