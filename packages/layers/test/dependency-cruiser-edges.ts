// The resolved import graph as dependency-cruiser sees it (its JS API, `cruise`), for the
// correctness oracle. dependency-cruiser takes one tsconfig per run (its issue #565), so a
// monorepo is cruised once per package with that package's tsconfig and the edges are joined.
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export interface CruiseScope {
  /** Folder to cruise, repository-relative. */
  dir: string;
  /** Its tsconfig, repository-relative. */
  tsconfig: string;
}

export async function cruiserEdges(
  root: string,
  scopes: readonly CruiseScope[],
  conditions: readonly string[] = [],
): Promise<Set<string>> {
  const edges = new Set<string>();
  for (const scope of scopes) {
    const tsconfig = join(root, scope.tsconfig);
    const result = await cruise(
      [scope.dir],
      {
        baseDir: root,
        tsPreCompilationDeps: true,
        tsConfig: { fileName: tsconfig },
        doNotFollow: { path: 'node_modules' },
        exclude: { path: ['node_modules', '\\.spec\\.ts$'] },
        enhancedResolveOptions: {
          exportsFields: ['exports'],
          conditionNames: [...conditions, 'types', 'import', 'require', 'node', 'default'],
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json'],
          mainFields: ['types', 'module', 'main'],
        },
      },
      // The tsconfig paths plugin comes from the cruise option tsConfig.fileName above.
      {},
      { tsConfig: extractTSConfig(tsconfig) },
    );
    if (typeof result.output === 'string')
      throw new Error('dependency-cruiser returned text instead of a result object');
    for (const module of result.output.modules) {
      if (module.source.includes('node_modules')) continue;
      for (const dependency of module.dependencies) {
        if (dependency.couldNotResolve || dependency.coreModule || dependency.resolved.includes('node_modules'))
          continue;
        edges.add(`${module.source} → ${dependency.resolved}`);
      }
    }
  }
  return edges;
}
