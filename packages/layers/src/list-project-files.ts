// The files one run looks at: the source files to check, and the tsconfig and package.json
// files whose contents decide how imports resolve (they key the cache's resolution half).
// At the top of a git work tree the list is git's (tracked files plus untracked ones git does not ignore),
// so git-ignored output and symlinked folders are never walked. Outside git the file system is
// walked without following symlinked folders, so the walk never leaves the root nor loops.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testFixtureGlobs } from 'agent-harness-config/load';
import { HarnessError } from 'agent-harness-diagnostics';
import { listGitFiles } from 'agent-harness-system';
import picomatch from 'picomatch';
import { fdir } from 'fdir';

export const sourceExtensions = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

// Declaration files hold no imports worth checking; filtered by suffix, cheaper than a glob.
const declaration = /\.d\.[cm]?ts$/;
const sourceFile = new RegExp(`\\.(${sourceExtensions.join('|')})$`);
const dotSegment = /(^|\/)\./;
const manifestFile = /(^|\/)(tsconfig[^/]*\.json|package\.json)$/;
// Test fixtures are code about other repositories (often broken on purpose: a parser's error cases,
// a stand-in package named like a real one), not this repository's architecture; as the docs check
// leaves fixture markdown alone, the layers check leaves fixture code and manifests alone.
const isFixture = picomatch([...testFixtureGlobs], { dot: true });

export interface ProjectFiles {
  /** Source files to check, repository-relative with `/`, sorted. */
  sources: string[];
  /** tsconfig*.json and package.json files outside node_modules, repository-relative, sorted. */
  manifests: string[];
  /** Source files that only `ignore` kept out (to tell an `ignore` that leaves nothing apart). */
  ignoredSources: number;
  /** Source files in test-fixture folders, not checked. */
  fixtureSources: number;
  /** Whether the list came from git (then git-ignored paths are known to git). */
  git: boolean;
  /** Every path git listed (tracked, and untracked ones it does not ignore), when the list came from git. */
  gitListed?: readonly string[] | undefined;
}

export async function listProjectFiles(root: string, ignore: readonly string[]): Promise<ProjectFiles> {
  const fromGit = await listWithGit(root);
  const files = partitionProjectFiles(fromGit ?? walkProjectFiles(root), ignore, fromGit !== undefined);
  if (fromGit !== undefined) files.gitListed = fromGit;
  return files;
}

/** The listed files (git's list or the walk's) sorted into sources to check and manifests (listProjectFiles' pure half). */
export function partitionProjectFiles(found: readonly string[], ignore: readonly string[], git: boolean): ProjectFiles {
  const folderOf = createFolderClassifier();
  const isIgnored = createPathMatcher(ignore);
  const sources: string[] = [];
  const manifests: string[] = [];
  let ignoredSources = 0;
  let fixtureSources = 0;
  for (const file of found) {
    const slash = file.lastIndexOf('/');
    const folder = folderOf(slash === -1 ? '' : file.slice(0, slash));
    // Dot folders and dot files are not walked (as a glob without `dot` does): tool config, not code.
    if (folder === 'skipped' || file.charCodeAt(slash + 1) === 46) continue;
    const isSource = sourceFile.test(file) && !declaration.test(file);
    if (!isSource && !manifestFile.test(file)) continue;
    if (folder === 'fixture' || (!fixturesByFolder && isFixture(file))) {
      if (isSource) fixtureSources += 1;
      continue;
    }
    // Ignored folders hold neither files to check nor files they resolve through.
    if (isIgnored(file)) {
      if (isSource) ignoredSources += 1;
      continue;
    }
    (isSource ? sources : manifests).push(file);
  }
  return {
    sources: sources.sort(),
    manifests: manifests.sort(),
    ignoredSources,
    fixtureSources,
    git,
  };
}

/**
 * `git ls-files` of the work tree whose top is root; undefined otherwise (no git, or root only a
 * folder inside another repository, which may ignore it as a whole: bench/.work/, a fixture copy).
 */
async function listWithGit(root: string): Promise<string[] | undefined> {
  if (!existsSync(join(root, '.git'))) return undefined;
  try {
    return await listGitFiles(root);
  } catch (error) {
    if (error instanceof HarnessError) return undefined; // git failed or is not installed: the walk lists the files
    throw error;
  }
}

const walkedFile = new RegExp(`\\.(${sourceExtensions.join('|')})$|(^|/)(tsconfig[^/]*\\.json|package\\.json)$`);
const skippedFolder = new Set(['node_modules', 'dist']);

/**
 * The file system's list outside git: source files and manifests, without descending into
 * node_modules, dist or dot folders (which partitionProjectFiles would drop anyway). A symlink is
 * not listed: a symlinked folder may lead anywhere (`/`, a parent, itself). fdir itself, not a glob
 * over it: matching globs per file took as long as the walk.
 */
export function walkProjectFiles(root: string): string[] {
  return new fdir({ excludeSymlinks: true, resolveSymlinks: false })
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name) => skippedFolder.has(name) || name.charCodeAt(0) === 46)
    .filter((path, isDirectory) => !isDirectory && walkedFile.test(path))
    .crawl(root)
    .sync();
}

// Every always-ignored glob is `**/<folder>/**`, and so is every fixture glob: a file's verdict is its
// folder's, asked once per folder rather than once per file.
const alwaysIgnoredFolder = /(^|\/)(node_modules|dist|\.git|\.harness)(\/|$)/;
const fixturesByFolder = testFixtureGlobs.every((glob) => glob.endsWith('/**'));

function createFolderClassifier(): (folder: string) => 'skipped' | 'fixture' | 'checked' {
  const verdicts = new Map<string, 'skipped' | 'fixture' | 'checked'>();
  return (folder) => {
    let verdict = verdicts.get(folder);
    if (verdict === undefined) {
      if (folder !== '' && (alwaysIgnoredFolder.test(folder) || dotSegment.test(folder))) verdict = 'skipped';
      else verdict = fixturesByFolder && folder !== '' && isFixture(`${folder}/x`) ? 'fixture' : 'checked';
      verdicts.set(folder, verdict);
    }
    return verdict;
  };
}

/**
 * Globs matched as tinyglobby's `ignore` matches them: a file is ignored when it or one of its
 * folders matches (`src/*` ignores everything under src).
 */
function createPathMatcher(patterns: readonly string[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch(
    patterns.map((p) => p.replace(/\/+$/, '')),
    { dot: true },
  );
  const folders = new Map<string, boolean>();
  return (file) => {
    if (matches(file)) return true;
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) {
      const folder = file.slice(0, i);
      let hit = folders.get(folder);
      if (hit === undefined) {
        hit = matches(folder);
        folders.set(folder, hit);
      }
      if (hit) return true;
    }
    return false;
  };
}
