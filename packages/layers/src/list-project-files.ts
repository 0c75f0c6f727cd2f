// The files one run looks at: the source files to check, and the tsconfig and package.json
// files whose contents decide how imports resolve (they key the cache's resolution half).
import { glob } from 'tinyglobby';

export const sourceExtensions = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

const alwaysIgnored = ['**/node_modules/**', '**/dist/**', '**/.git/**', '**/.harness/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

export interface ProjectFiles {
  /** Source files to check, repository-relative with `/`, sorted. */
  sources: string[];
  /** tsconfig*.json and package.json files outside node_modules, repository-relative, sorted. */
  manifests: string[];
}

export async function listProjectFiles(root: string, ignore: readonly string[]): Promise<ProjectFiles> {
  const [sources, manifests] = await Promise.all([
    glob([`**/*.{${sourceExtensions.join(',')}}`], { cwd: root, ignore: [...alwaysIgnored, ...ignore], dot: false, expandDirectories: false }),
    glob(['**/tsconfig*.json', '**/package.json'], { cwd: root, ignore: ['**/node_modules/**', '**/dist/**', '**/.git/**'], expandDirectories: false }),
  ]);
  return { sources: sources.sort(), manifests: manifests.sort() };
}
