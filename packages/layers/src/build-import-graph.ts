// The import graph of a repository: every source file, each import with its resolved target.
// Unchanged files come from the per-file cache (see import-cache.ts); only changed files are
// read and lexed, and only when a file or the resolution inputs changed are imports resolved again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFingerprint } from 'agent-harness-system';
import type { ResolvedTarget } from './create-import-resolver.js';
import type { Violation } from './find-violations.js';
import { lazyGraphFile, withTargets } from './graph-file.js';
import type { CachedFile, CacheDocument } from './import-cache.js';
import { decodeImportCache, hasTargets, readImportCache, saveImportCache } from './import-cache.js';
import { LazyResolver, resolveAll } from './lazy-resolver.js';
import type { GraphFile, GraphListing, GraphStats, ImportGraph } from './layers-types.js';
import { listProjectFiles } from './list-project-files.js';
import { hashBytes } from './read-source.js';
import type { ScannedFile } from './scan-files.js';
import { scanFiles } from './scan-files.js';
import { readableInside, insideRoot } from './write-guard.js';

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
    /**
     * Hears of each read file whose imports were resolved while the others were still read (a run
     * that resolves what it reads: a cold one); the same object is later in the graph.
     */
    onResolved?: ((file: GraphFile) => void) | undefined;
  },
): Promise<CachedImportGraph> {
  const { root } = options;
  const { project, tool, resolutionKey, loaded } = await listAndReadCache(options);
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
  if (project.gitListed !== undefined) listing.gitListed = project.gitListed;
  const reuse = {
    targets: previous?.resolutionKey === resolutionKey,
    findings: options.rulesKey !== undefined && previous?.rulesKey === options.rulesKey,
  };
  const resolver = new LazyResolver(root, project.manifests, stats, new Set());
  const scanned = await scanFiles({
    root,
    sources: project.sources,
    previous,
    stats,
    listing,
    resolver,
    // Without targets to reuse, every file read is resolved as soon as it is read.
    early: reuse.targets ? undefined : { onResolved: options.onResolved },
  });
  const cache: CacheDocument = { tool, resolutionKey, files: {} };
  if (options.rulesKey !== undefined) cache.rulesKey = options.rulesKey;
  if (previous?.base !== undefined) cache.base = previous.base;
  const resolved = await attachTargets(resolver, scanned.entries, reuse, cache, stats);
  let changed =
    resolved.changed ||
    scanned.lexed > 0 ||
    previous === undefined ||
    Object.keys(previous.files).length !== project.sources.length;
  changed ||= scanned.entries.some(({ path, cached }) => cached !== previous?.files[path]);
  changed ||= options.rulesKey !== undefined && !reuse.findings;
  return { graph: { files: resolved.files, stats, listing }, cache, changed, cachedFindings: resolved.findings };
}

/** The listed files, what decides where their imports lead (the resolution key), and the cache as read. */
async function listAndReadCache(options: BuildImportGraphOptions) {
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
  return { project, tool, resolutionKey, loaded };
}

/** Pass 2, targets: from the cache while nothing that decides resolution changed, else resolved. */
async function attachTargets(
  resolver: LazyResolver,
  entries: readonly ScannedFile[],
  reuse: { targets: boolean; findings: boolean },
  next: CacheDocument,
  stats: GraphStats,
): Promise<{ files: GraphFile[]; changed: boolean; findings: Map<string, readonly Violation[]> }> {
  let changed = false;
  const files: GraphFile[] = [];
  const findings = new Map<string, readonly Violation[]>();
  for (const { path, cached, unchanged, before, resolved } of entries) {
    const keepTargets = reuse.targets && unchanged && hasTargets(cached);
    if (resolved !== undefined) {
      next.files[path] = resolved.entry;
      files.push(resolved.file);
      changed = true;
      continue;
    }
    if (keepTargets) {
      stats.resolvedFromCache += 1;
      // Still the loaded object, so its stored form is written back as it is.
      next.files[path] = cached;
    } else {
      // An edit that left the imports as they were (most edits): where they lead is known.
      const kept = reuse.targets ? targetsOfSameImports(before, cached) : undefined;
      if (kept !== undefined) stats.resolvedFromCache += 1;
      next.files[path] = withTargets(cached, kept ?? resolveAll(await resolver.load(), path, cached));
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

const hash = hashBytes;

/**
 * This package's version and a fingerprint of its own code: a cache written by another version,
 * or by a build of this one whose rules have since been edited (in a checkout of harness), is
 * not trusted.
 */
async function toolVersion(): Promise<string> {
  return `agent-harness-layers@${await codeFingerprint(fileURLToPath(new URL('.', import.meta.url)))}`;
}
