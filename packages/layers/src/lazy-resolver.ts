// The import resolver of one graph build, loaded on first need: a run that resolves nothing (every
// file's targets come from the cache) never loads oxc-resolver nor reads a tsconfig.
import type { ImportResolver, ResolvedTarget } from './create-import-resolver.js';
import type { CachedFile } from './import-cache.js';
import type { GraphStats } from './layers-types.js';

/** The resolver and the tsconfig facts it needs, loaded only when something must be resolved, and once. */
export class LazyResolver {
  /** Set once loaded: callers that cannot wait (the scan's callback) use it then. */
  loaded: ImportResolver | undefined;
  #loading: Promise<ImportResolver> | undefined;

  constructor(
    private readonly root: string,
    private readonly manifests: readonly string[],
    private readonly stats: GraphStats,
    /** The listed files that exist and are not symbolic links: filled by the scan before the resolver loads. */
    readonly knownFiles: Set<string>,
  ) {}

  load(): Promise<ImportResolver> {
    this.#loading ??= this.#create().then((resolver) => (this.loaded = resolver));
    return this.#loading;
  }

  async #create(): Promise<ImportResolver> {
    const [{ createImportResolver }, { readTsconfigFacts }] = await Promise.all([
      import('./create-import-resolver.js'),
      import('./tsconfig-redirects.js'),
    ]);
    const tsconfig = readTsconfigFacts(
      this.root,
      this.manifests.filter((f) => !f.endsWith('package.json')),
    );
    if (tsconfig.skipped.length > 0) this.stats.skippedTsconfigs = tsconfig.skipped;
    return createImportResolver({
      root: this.root,
      packageJsonFiles: this.manifests,
      redirects: tsconfig.redirects,
      conditions: tsconfig.conditions,
      knownFiles: this.knownFiles,
    });
  }
}

/** Where each import of the file leads. */
export function resolveAll(resolver: ImportResolver, path: string, file: CachedFile): ResolvedTarget[] {
  return file.imports.map((record) => resolver.resolve(path, record.specifier));
}
