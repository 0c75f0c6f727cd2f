// The files one run looks at: the source files to check, and the tsconfig and package.json
// files whose contents decide how imports resolve (they key the cache's resolution half).
import { glob } from 'tinyglobby';

export const sourceExtensions = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

const alwaysIgnored = ['**/node_modules/**', '**/dist/**', '**/.git/**', '**/.harness/**'];
// Declaration files hold no imports worth checking; filtered by suffix, cheaper than a glob.
const declaration = /\.d\.[cm]?ts$/;

export interface ProjectFiles {
  /** Source files to check, repository-relative with `/`, sorted. */
  sources: string[];
  /** tsconfig*.json and package.json files outside node_modules, repository-relative, sorted. */
  manifests: string[];
}

export async function listProjectFiles(root: string, ignore: readonly string[]): Promise<ProjectFiles> {
  // One walk for both lists; ignored folders hold neither files to check nor files they resolve through.
  const found = await glob([`**/*.{${sourceExtensions.join(',')}}`, '**/tsconfig*.json', '**/package.json'], {
    cwd: root,
    ignore: [...alwaysIgnored, ...ignore],
    expandDirectories: false,
  });
  const sources: string[] = [];
  const manifests: string[] = [];
  for (const file of found) {
    if (file.endsWith('.json')) manifests.push(file);
    else if (!declaration.test(file)) sources.push(file);
  }
  return { sources: sources.sort(), manifests: manifests.sort() };
}
