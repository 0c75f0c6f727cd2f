// A file of the import graph as the cache holds it: the cache entry with its targets, whose edges
// are put together when first read (build-import-graph.ts, scan-files.ts).
import type { ResolvedTarget } from './create-import-resolver.js';
import type { CachedFile } from './import-cache.js';
import { hasUnresolved } from './import-cache.js';
import type { GraphEdge, GraphFile } from './layers-types.js';

export function lazyGraphFile(path: string, entry: CachedFile): GraphFile {
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

/** The entry to cache for a file whose targets are now known. */
export function withTargets(cached: CachedFile, targets: ResolvedTarget[]): CachedFile {
  const entry: CachedFile = {
    hash: cached.hash,
    size: cached.size,
    mtimeMs: cached.mtimeMs,
    imports: cached.imports,
    suppressions: cached.suppressions,
    targets,
  };
  if (cached.error !== undefined) entry.error = cached.error;
  return entry;
}
