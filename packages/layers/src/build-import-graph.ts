// The import graph of a repository: every source file, each import with its resolved target.
// Unchanged files come from the per-file cache (see import-cache.ts); only changed files are
// read and lexed, and only when a file or the resolution inputs changed are imports resolved again.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTarget } from './create-import-resolver.js';
import { createImportResolver } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';
import type { CachedFile, CacheDocument } from './import-cache.js';
import { cacheFormat, cacheFormatVersion, loadImportCache, saveImportCache } from './import-cache.js';
import type { ImportRecord } from './lex-imports.js';
import { initLexer, lexImports } from './lex-imports.js';
import { listProjectFiles } from './list-project-files.js';
import { readTsconfigFacts } from './tsconfig-redirects.js';

export interface GraphEdge extends ImportRecord {
  target: ResolvedTarget;
}

export interface GraphFile {
  path: string;
  imports: GraphEdge[];
  suppressions: SuppressionComment[];
  /** Set when the file could not be lexed. */
  error?: string;
}

export interface GraphStats {
  files: number;
  /** Files whose imports came from the cache without lexing. */
  lexedFromCache: number;
  /** Files whose targets came from the cache without resolving. */
  resolvedFromCache: number;
  /** Why an existing cache was thrown away. */
  cacheDiscarded?: string;
}

export interface ImportGraph {
  files: GraphFile[];
  stats: GraphStats;
}

export interface BuildImportGraphOptions {
  root: string;
  /** Globs of files not to check (layers.ignore). */
  ignore: readonly string[];
  /** Cache file path; none when undefined. */
  cacheFile?: string;
}

export const cacheFileName = '.harness/cache/layers.json';

export async function buildImportGraph(options: BuildImportGraphOptions): Promise<ImportGraph> {
  const { root } = options;
  const [project, tool] = await Promise.all([listProjectFiles(root, options.ignore), toolVersion(), initLexer()]);
  const manifests = await Promise.all(project.manifests.map(async (file) => `${file}\0${hash(await readFile(join(root, file)))}`));
  const resolutionKey = hash(Buffer.from([tool, ...project.sources, ...manifests].join('\n')));
  const loaded = options.cacheFile === undefined ? { document: undefined } : await loadImportCache(options.cacheFile, tool);
  const previous = loaded.document;
  const sameResolution = previous?.resolutionKey === resolutionKey;
  const tsconfig = readTsconfigFacts(root, project.manifests.filter((f) => !f.endsWith('package.json')));
  let resolver: ReturnType<typeof createImportResolver> | undefined;
  const resolve = (file: string, specifier: string): ResolvedTarget => {
    resolver ??= createImportResolver({ root, packageJsonFiles: project.manifests, redirects: tsconfig.redirects, conditions: tsconfig.conditions });
    return resolver.resolve(file, specifier);
  };

  const stats: GraphStats = { files: project.sources.length, lexedFromCache: 0, resolvedFromCache: 0 };
  if ('discarded' in loaded && loaded.discarded !== undefined) stats.cacheDiscarded = loaded.discarded;
  const next: CacheDocument = { format: cacheFormat, version: cacheFormatVersion, tool, resolutionKey, files: {} };
  const files: GraphFile[] = [];
  let changed = previous === undefined || Object.keys(previous.files).length !== project.sources.length;
  for (const path of project.sources) {
    const entry = readEntry(root, path, previous?.files[path], stats);
    if (entry === undefined) continue;
    let targets = sameResolution && entry.unchanged ? entry.cached.targets : undefined;
    if (targets === undefined) targets = entry.cached.imports.map((record) => resolve(path, record.specifier));
    else stats.resolvedFromCache += 1;
    changed ||= entry.cached !== previous?.files[path] || targets !== entry.cached.targets;
    next.files[path] = { ...entry.cached, targets };
    const graphFile: GraphFile = {
      path,
      imports: entry.cached.imports.map((record, i) => ({ ...record, target: targets[i] ?? { kind: 'unresolved' } })),
      suppressions: entry.cached.suppressions,
    };
    if (entry.cached.error !== undefined) graphFile.error = entry.cached.error;
    files.push(graphFile);
  }
  // An unchanged tree leaves the cache as it is: writing 5 MB of JSON would be most of a warm run.
  if (options.cacheFile !== undefined && changed) await saveImportCache(options.cacheFile, next);
  return { files, stats };
}

function readEntry(root: string, path: string, cached: CachedFile | undefined, stats: GraphStats): { cached: CachedFile; unchanged: boolean } | undefined {
  const absolute = join(root, path);
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = statSync(absolute));
  } catch {
    // Deleted between listing and reading: it is simply not part of this run.
    return undefined;
  }
  if (cached !== undefined && cached.size === size && cached.mtimeMs === mtimeMs) {
    stats.lexedFromCache += 1;
    return { cached, unchanged: true };
  }
  const bytes = readFileSync(absolute);
  const digest = hash(bytes);
  if (cached !== undefined && cached.hash === digest) {
    stats.lexedFromCache += 1;
    return { cached: { ...cached, size, mtimeMs }, unchanged: true };
  }
  const lexed = lexImports(bytes.toString('utf8'), path);
  const fresh: CachedFile = { hash: digest, size, mtimeMs, imports: lexed.imports, suppressions: lexed.suppressions };
  if (lexed.error !== undefined) fresh.error = lexed.error;
  return { cached: fresh, unchanged: false };
}

function hash(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

let version: Promise<string> | undefined;

/** This package's version: a cache written by another version is not trusted. */
function toolVersion(): Promise<string> {
  version ??= readFile(new URL('../package.json', import.meta.url), 'utf8').then(
    (text) => `@harness/layers@${String((JSON.parse(text) as { version?: unknown }).version)}`,
  );
  return version;
}
