// The import graph of a repository: every source file, each import with its resolved target.
// Unchanged files come from the per-file cache (see import-cache.ts); only changed files are
// read and lexed, and only when a file or the resolution inputs changed are imports resolved again.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ImportResolver, ResolvedTarget } from './create-import-resolver.js';
import type { Violation } from './find-violations.js';
import type { GraphEdge, GraphFile, GraphListing, GraphStats, ImportGraph } from './layers-types.js';
import type { CachedFile, CacheDocument } from './import-cache.js';
import {
  decodeImportCache,
  hasTargets,
  hasUnresolved,
  plainFile,
  readImportCache,
  saveImportCache,
} from './import-cache.js';
import { listProjectFiles } from './list-project-files.js';
import { hashBytes } from './read-source.js';
import { readSources } from './scan-in-parallel.js';
import { insideRoot, readableInside } from './write-guard.js';

export interface BuildImportGraphOptions {
  root: string;
  /** Globs of files not to check (layers.ignore). */
  ignore: readonly string[];
  /** Cache file path; none when undefined. */
  cacheFile?: string | undefined;
}

export const cacheFileName = '.harness/cache/layers.json';

/** The import graph, with the per-file cache (options.cacheFile) read and brought up to date. */
export async function buildImportGraph(options: BuildImportGraphOptions): Promise<ImportGraph> {
  const built = await buildCachedImportGraph(options);
  if (options.cacheFile !== undefined && built.changed)
    await saveImportCache(options.cacheFile, built.cache).catch(() => undefined); // the cache only saves time
  return built.graph;
}

/** The graph and this run's cache document, which its caller writes (with the rule findings, or as it is). */
export interface CachedImportGraph {
  graph: ImportGraph;
  /** What the cache file should hold after this run; its files' findings are the caller's to fill in. */
  cache: CacheDocument;
  /** Whether the cache differs from the file it was read from (false: writing it would change nothing). */
  changed: boolean;
  /**
   * The rule findings of each file whose findings the cache still holds: neither the file, nor
   * where its imports lead, nor the rules (rulesKey) changed since they were computed.
   */
  cachedFindings: ReadonlyMap<string, readonly Violation[]>;
}

export async function buildCachedImportGraph(
  options: BuildImportGraphOptions & {
    /** Identifies the rules config; cached findings are only offered under the same key. */
    rulesKey?: string | undefined;
  },
): Promise<CachedImportGraph> {
  const { root } = options;
  // The cache is read while the files are listed (the walk runs on this thread, the read on libuv's).
  const reading = options.cacheFile === undefined ? undefined : readImportCache(options.cacheFile);
  const [project, tool] = await Promise.all([listProjectFiles(root, options.ignore), toolVersion()]);
  // Only manifests that exist (git lists deleted tracked files) and stay inside the root are read.
  const inside = insideRoot(root);
  project.manifests = project.manifests.filter((file) => readableInside(join(root, file), inside));
  const manifests = await Promise.all(
    project.manifests.map(async (file) => `${file}\0${hash(await readFile(join(root, file)))}`),
  );
  const resolutionKey = hash(Buffer.from([tool, ...project.sources, ...manifests].join('\n')));
  const loaded = reading === undefined ? { document: undefined } : decodeImportCache(await reading, tool);
  const previous = loaded.document;
  const stats: GraphStats = {
    files: project.sources.length,
    lexedFromCache: 0,
    resolvedFromCache: 0,
    findingsFromCache: 0,
  };
  if ('discarded' in loaded && loaded.discarded !== undefined) stats.cacheDiscarded = loaded.discarded;

  const listing: GraphListing = {
    git: project.git,
    ignoredSources: project.ignoredSources,
    fixtureSources: project.fixtureSources,
    outside: [],
  };
  const scanned = await scanFiles(root, project.sources, previous, stats, listing);
  const cache: CacheDocument = { tool, resolutionKey, files: {} };
  if (options.rulesKey !== undefined) cache.rulesKey = options.rulesKey;
  if (previous?.base !== undefined) cache.base = previous.base;
  const reuse = {
    targets: previous?.resolutionKey === resolutionKey,
    findings: options.rulesKey !== undefined && previous?.rulesKey === options.rulesKey,
  };
  const resolved = await attachTargets(root, project.manifests, scanned.entries, reuse, cache, stats);
  let changed =
    resolved.changed ||
    scanned.lexed > 0 ||
    previous === undefined ||
    Object.keys(previous.files).length !== project.sources.length;
  changed ||= scanned.entries.some(({ path, cached }) => cached !== previous?.files[path]);
  changed ||= options.rulesKey !== undefined && !reuse.findings;
  return { graph: { files: resolved.files, stats, listing }, cache, changed, cachedFindings: resolved.findings };
}

interface ScannedFile {
  path: string;
  cached: CachedFile;
  unchanged: boolean;
  /** A lexed file's entry before the edit, whose targets still hold when its imports name the same specifiers. */
  before?: CachedFile | undefined;
}

/**
 * Pass 1, what changed: unchanged files (same size and mtime) are not even read; the others are
 * read and, when their hash changed, lexed, on several threads when there are many
 * (scan-in-parallel.ts).
 */
async function scanFiles(
  root: string,
  sources: readonly string[],
  previous: CacheDocument | undefined,
  stats: GraphStats,
  listing: GraphListing,
): Promise<{ entries: ScannedFile[]; lexed: number }> {
  const entries: Array<ScannedFile | undefined> = [];
  const changed: Array<{ at: number; path: string; stat: FileStat; cached: CachedFile | undefined }> = [];
  const inside = insideRoot(root);
  // Joined by hand: the listed paths are already normalized, and path.join of each cost more than its lstat.
  const base = root.endsWith(sep) ? root : root + sep;
  for (const path of sources) {
    const cached = previous?.files[path];
    const stat = statFile(base + path, inside);
    if (stat === 'outside') listing.outside.push(path);
    else if (
      stat !== undefined &&
      cached !== undefined &&
      cached.size === stat.size &&
      cached.mtimeMs === stat.mtimeMs
    ) {
      stats.lexedFromCache += 1;
      entries.push({ path, cached, unchanged: true });
    } else if (stat !== undefined) {
      changed.push({ at: entries.length, path, stat, cached });
      entries.push(undefined);
    }
  }
  const reads = await readSources(
    root,
    changed.map(({ path, cached }) => ({ path, expected: cached?.hash })),
  );
  let lexed = 0;
  changed.forEach(({ at, path, stat, cached }, i) => {
    const read = reads[i];
    if (read === undefined) return; // deleted between listing and reading: not part of this run
    if (read.lexed === undefined && cached !== undefined) {
      stats.lexedFromCache += 1;
      entries[at] = { path, cached: { ...plainFile(cached), ...stat }, unchanged: true };
      return;
    }
    lexed += 1;
    const { imports, suppressions, error } = read.lexed ?? { imports: [], suppressions: [] };
    const entry: CachedFile = { hash: read.digest, ...stat, imports, suppressions };
    if (error !== undefined) entry.error = error;
    entries[at] = { path, cached: entry, unchanged: false, before: cached };
  });
  return { entries: entries.filter((e) => e !== undefined), lexed };
}

/** Pass 2, targets: from the cache while nothing that decides resolution changed, else resolved. */
async function attachTargets(
  root: string,
  manifests: readonly string[],
  entries: readonly ScannedFile[],
  reuse: { targets: boolean; findings: boolean },
  next: CacheDocument,
  stats: GraphStats,
): Promise<{ files: GraphFile[]; changed: boolean; findings: Map<string, readonly Violation[]> }> {
  let resolver: ImportResolver | undefined;
  let changed = false;
  const files: GraphFile[] = [];
  const findings = new Map<string, readonly Violation[]>();
  for (const { path, cached, unchanged, before } of entries) {
    const keepTargets = reuse.targets && unchanged && hasTargets(cached);
    if (keepTargets) {
      stats.resolvedFromCache += 1;
      // Still the loaded object, so its stored form is written back as it is.
      next.files[path] = cached;
    } else {
      // An edit that left the imports as they were (most edits): where they lead is known.
      const kept = reuse.targets ? targetsOfSameImports(before, cached) : undefined;
      if (kept !== undefined) stats.resolvedFromCache += 1;
      else resolver ??= await loadResolver(root, manifests, stats);
      const active = resolver;
      const targets =
        kept ?? cached.imports.map((record) => (active as ImportResolver).resolve(path, record.specifier));
      const entry: CachedFile = {
        hash: cached.hash,
        size: cached.size,
        mtimeMs: cached.mtimeMs,
        imports: cached.imports,
        suppressions: cached.suppressions,
        targets,
      };
      if (cached.error !== undefined) entry.error = cached.error;
      next.files[path] = entry;
      changed = true;
    }
    if (keepTargets && reuse.findings && cached.findings !== undefined) {
      findings.set(path, cached.findings);
      stats.findingsFromCache += 1;
    }
    files.push(lazyGraphFile(path, next.files[path] ?? cached));
  }
  return { files, changed, findings };
}

/**
 * The targets `before` holds when `now` imports the very specifiers it did, in order: a target
 * depends only on the importing file, the specifier and the resolution key, which holds.
 */
function targetsOfSameImports(before: CachedFile | undefined, now: CachedFile): ResolvedTarget[] | undefined {
  if (before === undefined || !hasTargets(before)) return undefined;
  const old = before.imports;
  const imports = now.imports;
  if (old.length !== imports.length || old.some((record, i) => record.specifier !== imports[i]?.specifier))
    return undefined;
  return before.targets;
}

function lazyGraphFile(path: string, entry: CachedFile): GraphFile {
  return new CachedGraphFile(path, entry);
}

/**
 * A graph file whose edges are put together when first read: a warm check whose findings come
 * from the cache never reads them. The import records are this run's own objects, so they get
 * their target in place rather than being copied. A class, not an object with a getter: one of
 * these per file, 5,000 closures less.
 */
class CachedGraphFile implements GraphFile {
  readonly suppressions: GraphFile['suppressions'];
  readonly hasUnresolved: boolean;
  error?: string;
  #imports: GraphEdge[] | undefined;

  constructor(
    readonly path: string,
    private readonly entry: CachedFile,
  ) {
    this.suppressions = entry.suppressions;
    this.hasUnresolved = hasUnresolved(entry);
    if (entry.error !== undefined) this.error = entry.error;
  }

  get imports(): GraphEdge[] {
    if (this.#imports === undefined) {
      const targets = this.entry.targets ?? [];
      const imports = this.entry.imports as GraphEdge[];
      for (let i = 0; i < imports.length; i++) (imports[i] as GraphEdge).target = targets[i] ?? { kind: 'unresolved' };
      this.#imports = imports;
    }
    return this.#imports;
  }
}

/** The resolver and the tsconfig facts it needs, loaded only when something must be resolved. */
async function loadResolver(root: string, manifests: readonly string[], stats: GraphStats): Promise<ImportResolver> {
  const [{ createImportResolver }, { readTsconfigFacts }] = await Promise.all([
    import('./create-import-resolver.js'),
    import('./tsconfig-redirects.js'),
  ]);
  const tsconfig = readTsconfigFacts(
    root,
    manifests.filter((f) => !f.endsWith('package.json')),
  );
  if (tsconfig.skipped.length > 0) stats.skippedTsconfigs = tsconfig.skipped;
  return createImportResolver({
    root,
    packageJsonFiles: manifests,
    redirects: tsconfig.redirects,
    conditions: tsconfig.conditions,
  });
}

interface FileStat {
  size: number;
  mtimeMs: number;
}

function statFile(absolute: string, inside: (absolute: string) => boolean): FileStat | 'outside' | undefined {
  try {
    let stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) {
      // A symlinked file is read only when it leads to a file inside the root.
      if (!inside(realpathSync(absolute))) return 'outside';
      stats = statSync(absolute);
    }
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch {
    // Deleted between listing and reading: it is simply not part of this run.
    return undefined;
  }
}

const hash = hashBytes;

let version: Promise<string> | undefined;

/**
 * This package's version and a fingerprint of its own code: a cache written by another version,
 * or by a build of this one whose rules have since been edited (in a checkout of harness), is
 * not trusted.
 */
function toolVersion(): Promise<string> {
  version ??= (async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    const here = new URL('.', import.meta.url);
    const code: string[] = [];
    for (const entry of await readdir(here, { recursive: true })) {
      if (!/\.[cm]?[jt]s$/.test(entry) || entry.endsWith('.test.ts')) continue;
      const { size, mtimeMs } = statSync(new URL(entry, here));
      code.push(`${entry}:${size}:${mtimeMs}`);
    }
    return `agent-harness-layers@${String(manifest.version)}+${hash(Buffer.from(code.sort().join('\n'))).slice(0, 10)}`;
  })();
  return version;
}
