// "Look before writing": everything init learns about a repository, read
// once, so the proposal and the plan are pure functions of these facts.
import { existsSync, lstatSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { findGitRoot } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { currentBranch, listGitFiles } from 'agent-harness-system';
import { detect } from 'package-manager-detector';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import type { PackageManagerFacts, RepoFacts, WorkflowFacts, WorkspacePackage } from './repo-facts.js';
import { entryOf, readInside } from './repo-entry.js';

const composeNames = new Set(['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']);
const sourceFolderNames = ['src', 'app', 'lib', 'source'];

interface PackageJson {
  name?: string;
  author?: string | { name?: string };
  scripts?: Record<string, string>;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export async function inspectRepo(cwd: string): Promise<RepoFacts> {
  const root = findGitRoot(cwd);
  if (root === undefined) {
    throw new HarnessError('USAGE', `${cwd} is not inside a git repository`, {
      fix: 'Run `harness init` in your repository (or `git init` first): the docs checks read git history and tracked files.',
    });
  }
  const files = await keepInside(root, [...new Set(await listGitFiles(root))].sort());
  const packageJsonText = await readInside(root, 'package.json');
  const pkg = packageJsonText === undefined ? {} : parsePackageJson(packageJsonText);
  const workspacePatterns = await readWorkspacePatterns(root, pkg);
  const workspaces = await readWorkspaces(root, workspacePatterns);
  const top = (name: string) => files.find((f) => f.toLowerCase() === name.toLowerCase());
  return {
    root,
    name: pkg.name ?? basename(root),
    packageManager: await detectPackageManager(root),
    packageJsonText,
    scripts: pkg.scripts ?? {},
    workspacePatterns,
    workspaces,
    tsconfigs: files.filter((f) => /(^|\/)tsconfig[^/]*\.json$/.test(f)),
    files,
    sourceRoots: findSourceRoots(files, workspaces),
    // Seen without following links: a link, even one that points nowhere, is the user's file.
    agentsMd: (await isFileOrLink(root, 'AGENTS.md')) ? 'AGENTS.md' : undefined,
    claudeMd: await isFileOrLink(root, 'CLAUDE.md'),
    readme: top('README.md'),
    docsFiles: files.filter((f) => f.startsWith('docs/') && f.endsWith('.md')),
    workflows: await readWorkflows(root, files),
    composeFiles: files.filter((f) => composeNames.has(f)),
    nodeVersionFile: ['.nvmrc', '.node-version'].find((f) => files.includes(f)),
    branch: await currentBranch(root).catch(() => undefined),
    owner: typeof pkg.author === 'string' ? pkg.author.replace(/\s*[<(].*$/, '') || undefined : pkg.author?.name,
  };
}

async function detectPackageManager(root: string): Promise<PackageManagerFacts> {
  const found = await detect({ cwd: root, stopDir: root, strategies: ['lockfile', 'packageManager-field'] });
  if (found === null || !['npm', 'pnpm', 'yarn', 'bun'].includes(found.name)) {
    return { name: 'npm', agent: 'npm', source: undefined };
  }
  const lockfiles: Record<string, string[]> = {
    npm: ['package-lock.json', 'npm-shrinkwrap.json'],
    pnpm: ['pnpm-lock.yaml'],
    yarn: ['yarn.lock'],
    bun: ['bun.lock', 'bun.lockb'],
  };
  const lockfile = (lockfiles[found.name] ?? []).find((f) => existsSync(join(root, f)));
  return { name: found.name, agent: found.agent, source: lockfile ?? 'package.json packageManager' };
}

async function readWorkspacePatterns(root: string, pkg: PackageJson): Promise<string[]> {
  const pnpm = await readInside(root, 'pnpm-workspace.yaml');
  if (pnpm !== undefined) {
    const parsed = parseWorkspaceYaml(pnpm);
    if (Array.isArray(parsed?.packages)) return parsed.packages.filter((p): p is string => typeof p === 'string');
  }
  const fromPkg = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces?.packages ?? []);
  return fromPkg.filter((p) => typeof p === 'string');
}

async function readWorkspaces(root: string, patterns: readonly string[]): Promise<WorkspacePackage[]> {
  // A pattern from the user's files that climbs out of the repository (`../*`, `/abs/*`) is not followed.
  const inRepo = patterns.filter(
    (p) => !posix.isAbsolute(p.replace(/^!/, '')) && !posix.normalize(p.replace(/^!/, '')).startsWith('..'),
  );
  const positive = inRepo
    .filter((p) => !p.startsWith('!'))
    .map((p) => posix.join(p.replace(/\/+$/, ''), 'package.json'));
  if (positive.length === 0) return [];
  const negative = inRepo.filter((p) => p.startsWith('!')).map((p) => posix.join(p.slice(1), 'package.json'));
  const found = await glob(positive, { cwd: root, ignore: ['**/node_modules/**', ...negative] });
  const manifests = await keepInside(root, found);
  const packages = await Promise.all(
    manifests.sort().map(async (manifest) => {
      const pkg = parsePackageJson((await readInside(root, manifest)) ?? '{}');
      const deps = {
        ...pkg.dependencies,
        ...pkg.devDependencies,
        ...pkg.peerDependencies,
        ...pkg.optionalDependencies,
      };
      return { dir: posix.dirname(manifest), name: pkg.name ?? posix.dirname(manifest), deps: Object.keys(deps) };
    }),
  );
  const names = new Set(packages.map((p) => p.name));
  return packages.map(({ dir, name, deps }) => ({
    dir,
    name,
    internalDeps: deps.filter((d) => names.has(d) && d !== name).sort(),
  }));
}

function findSourceRoots(files: readonly string[], workspaces: readonly WorkspacePackage[]): string[] {
  // Every folder that holds a source file somewhere below it, collected in one pass over the files
  // (asking each base and folder name of every file was bases × names × files on a large monorepo).
  const holding = new Set<string>();
  for (const file of files) {
    if (!sourceFile.test(file)) continue;
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) holding.add(file.slice(0, i));
  }
  const bases = ['', ...workspaces.map((w) => `${w.dir}/`)];
  return bases.flatMap((base) => sourceFolderNames.map((name) => `${base}${name}`)).filter((root) => holding.has(root));
}

const sourceFile = /\.[cm]?[jt]sx?$/;

async function readWorkflows(root: string, files: readonly string[]): Promise<WorkflowFacts[]> {
  const paths = files.filter((f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f));
  return Promise.all(
    paths.map(async (path) => {
      const text = (await readInside(root, path)) ?? '';
      let branches: string[] = [];
      try {
        const doc = parseYaml(text) as { on?: { push?: { branches?: unknown } } } | null;
        const listed = doc?.on?.push?.branches;
        if (Array.isArray(listed))
          branches = listed.filter((b): b is string => typeof b === 'string' && !/[*?]/.test(b));
      } catch {
        // A workflow init cannot parse is still listed; it just teaches us nothing.
      }
      const node = /node-version:\s*['"]?([\w.]+)/.exec(text)?.[1];
      return { path, runsHarness: /\bharness\s+check\b/.test(text), nodeVersion: node, branches };
    }),
  );
}

function parseWorkspaceYaml(text: string): { packages?: unknown } | null {
  try {
    return parseYaml(text) as { packages?: unknown } | null;
  } catch (cause) {
    throw new HarnessError(
      'CONFIG_PARSE',
      `pnpm-workspace.yaml is not valid YAML: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
      {
        place: { file: 'pnpm-workspace.yaml' },
        fix: 'Correct pnpm-workspace.yaml (pnpm needs it too), then run `harness init` again.',
        cause,
      },
    );
  }
}

function parsePackageJson(text: string): PackageJson {
  try {
    // A byte order mark is allowed in a file (editors on Windows write one) but not by JSON.parse.
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch (cause) {
    throw new HarnessError('CONFIG_PARSE', 'package.json is not valid JSON', {
      place: { file: 'package.json' },
      fix: 'Correct package.json (npm and your package manager need it too), then run `harness init` again.',
      cause,
    });
  }
}

/**
 * The files that are inside the repository: a symbolic link is kept only when
 * it points at a file inside it (git lists a link, never what is behind it).
 */
async function keepInside(root: string, files: readonly string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    // lstat without following, synchronously: one system call per file on a large repository.
    const stats = lstatSync(join(root, file), { throwIfNoEntry: false });
    if (stats?.isFile() === true) kept.push(file);
    else if (stats?.isSymbolicLink() === true) {
      const entry = await entryOf(root, file);
      if (entry.kind === 'link' && entry.resolves === 'file') kept.push(file);
    }
  }
  return kept;
}

async function isFileOrLink(root: string, path: string): Promise<boolean> {
  const { kind } = await entryOf(root, path);
  return kind === 'file' || kind === 'link';
}
