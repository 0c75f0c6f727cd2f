// Resolves import specifiers as TypeScript does, with oxc-resolver
// (https://github.com/oxc-project/oxc-resolver#options): the nearest tsconfig of each file
// (`paths`, `baseUrl`, `extends`, references), `exports`/`imports` maps with TypeScript's
// conditions, index files, `.js` specifiers that name `.ts` sources, and workspace packages,
// installed or not.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import type { TsConfigResult } from 'get-tsconfig';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';
import type { NapiResolveOptions } from 'oxc-resolver';
import { ResolverFactory } from 'oxc-resolver';
import type { OutputRedirect } from './tsconfig-redirects.js';
import { redirectOutput } from './tsconfig-redirects.js';
import { findWorkspaceEntry } from './workspace-entry.js';

/** Where an import leads: a repository file, an npm package, a Node builtin, or nowhere. */
export type ResolvedTarget =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | UnresolvedTarget;

/**
 * What kind of import led nowhere: a relative path, a tsconfig `paths` alias, a workspace package,
 * another (`#imports`, absolute), or a name that is none of these nor an npm name (`virtual:x`, a
 * bundler-only alias such as `@/x` without a tsconfig `paths` entry), which harness cannot judge.
 */
export type UnresolvedReason = 'relative' | 'alias' | 'workspace' | 'other' | 'unknown';

export interface UnresolvedTarget {
  kind: 'unresolved';
  reason?: UnresolvedReason;
  /** Repository-relative path where the import would land (to ask git whether it is ignored). */
  candidate?: string;
}

export interface ImportResolver {
  resolve(fromFile: string, specifier: string): ResolvedTarget;
}

export interface ImportResolverOptions {
  root: string;
  /** Repository-relative package.json files (for workspace packages that are not installed). */
  packageJsonFiles: readonly string[];
  redirects: readonly OutputRedirect[];
  /** tsconfig `customConditions`. */
  conditions: readonly string[];
  /**
   * Repository paths of files that exist and are not symbolic links (the files the graph lists).
   * A relative specifier whose first candidate is one of them lands there without asking the file
   * system: `./x.js` is `x.ts` when that exists, as the resolver would say.
   */
  knownFiles?: ReadonlySet<string> | undefined;
}

const builtins = new Set(builtinModules);
const relativeSpecifier = /^\.\.?(\/|$)/;

export function createImportResolver(options: ImportResolverOptions): ImportResolver {
  const context: ResolveContext = {
    options,
    root: options.root.endsWith(sep) ? options.root : options.root + sep,
    factory: new ResolverFactory(typescriptLikeOptions(options.conditions)),
    workspace: readWorkspacePackages(options.root, options.packageJsonFiles),
    tsconfigCache: new Map<string, TsConfigResult | null>(),
    aliasesByFolder: new Map(),
    workspaceTargets: new Map(),
    conditions: [...options.conditions, 'types', 'import', 'require', 'node', 'default'],
  };
  // Memoized per folder and specifier (most imports repeat one their folder already made), then
  // for a relative specifier per path it names: `../a/b.js` from two folders that land on the same
  // file is one resolution. A bare one depends on the folder's tsconfig and package scope.
  const byFolder = new Map<string, Map<string, ResolvedTarget>>();
  const byPath = new Map<string, ResolvedTarget>();
  return {
    resolve(fromFile, specifier) {
      const folder = dirname(fromFile);
      let known = byFolder.get(folder);
      if (known === undefined) {
        known = new Map();
        byFolder.set(folder, known);
      }
      let target = known.get(specifier);
      if (target !== undefined) return target;
      if (relativeSpecifier.test(specifier)) {
        const path = posix.join(folder, specifier);
        target = byPath.get(path);
        if (target === undefined) {
          const known = firstCandidate(path);
          target =
            known !== undefined && options.knownFiles?.has(known) === true
              ? toTarget(context, context.root + known, specifier)
              : resolveUncached(context, fromFile, specifier);
          byPath.set(path, target);
        }
      } else {
        target = resolveUncached(context, fromFile, specifier);
      }
      known.set(specifier, target);
      return target;
    },
  };
}

/**
 * The file a relative path with a script extension names first (typescriptLikeOptions: `x.js` is
 * tried as `x.ts` first, `x.ts` as itself); undefined for any other path, which the resolver judges.
 */
function firstCandidate(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot <= path.lastIndexOf('/') + 1) return undefined;
  const extension = path.slice(dot);
  if (extension === '.ts' || extension === '.tsx' || extension === '.mts' || extension === '.cts') return path;
  const alias = extensionAlias[extension]?.[0];
  return alias === undefined ? undefined : path.slice(0, dot) + alias;
}

/** `./x.js` names `./x.ts` in TypeScript sources: the candidates, in the order they are tried. */
const extensionAlias: Readonly<Record<string, string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
};

/** What one resolver keeps across its imports. */
interface ResolveContext {
  options: ImportResolverOptions;
  /** The root with a trailing separator, to test "inside". */
  root: string;
  factory: ResolverFactory;
  /** Workspace package name → its folder. */
  workspace: Map<string, string>;
  tsconfigCache: Map<string, TsConfigResult | null>;
  /** Per folder: its tsconfig's `paths` keys and matcher (null: no tsconfig, or one without `paths`). */
  aliasesByFolder: Map<string, Aliases | null>;
  /** A workspace package's own resolution of a specifier (package folder, specifier): it does not depend on the importer. */
  workspaceTargets: Map<string, ResolvedTarget>;
  conditions: string[];
}

function resolveUncached(context: ResolveContext, fromFile: string, specifier: string): ResolvedTarget {
  const { options, factory } = context;
  const bare = packageName(specifier);
  if (specifier.startsWith('node:') || (bare !== undefined && builtins.has(bare))) {
    return { kind: 'builtin', name: specifier.startsWith('node:') ? specifier : `node:${specifier}` };
  }
  // The listed paths are normalized: joined by hand (path.join of each cost more than the lookup).
  const result = factory.resolveFileSync(context.root + fromFile, specifier);
  if (result.builtin !== undefined) return { kind: 'builtin', name: result.builtin.resolved };
  if (result.path !== undefined) return toTarget(context, result.path, specifier);
  // A workspace package that is not installed: resolve it from inside itself (package
  // self-reference), which applies its own `exports` map.
  const packageDir = bare === undefined ? undefined : context.workspace.get(bare);
  if (packageDir !== undefined && bare !== undefined) {
    const key = `${packageDir}\0${specifier}`;
    let target = context.workspaceTargets.get(key);
    if (target === undefined) {
      target = resolveWorkspace(context, packageDir, bare, specifier);
      context.workspaceTargets.set(key, target);
    }
    return target;
  }
  if (specifier.startsWith('.'))
    return unresolved(context, 'relative', join(options.root, dirname(fromFile), specifier));
  // A specifier a tsconfig `paths` pattern maps is an alias that failed (`@nowhere/x`, `~/x`).
  const alias = bare === undefined ? undefined : aliasTarget(context, fromFile, specifier);
  if (alias !== undefined) return unresolved(context, 'alias', alias);
  if (bare !== undefined && isNpmName(bare)) return { kind: 'package', name: bare };
  // A name npm would not accept and no tsconfig maps (`virtual:x`, a bundler alias): not a package, not judged.
  return unresolved(context, bare === undefined ? 'other' : 'unknown');
}

function resolveWorkspace(
  context: ResolveContext,
  packageDir: string,
  bare: string,
  specifier: string,
): ResolvedTarget {
  const self = context.factory.resolveFileSync(join(packageDir, 'package.json'), specifier);
  if (self.path !== undefined) return toTarget(context, self.path, specifier);
  // Not built yet: its source, through a source condition or outDir → rootDir.
  // `@scope/pkg/` (a trailing slash) names the package folder, as `@scope/pkg` does.
  const subpath = `.${specifier.slice(bare.length)}`.replace(/^\.\/$/, '.');
  const redirect = (absolute: string): string | undefined =>
    redirectOutput(absolute, context.options.redirects, existsSync);
  const entry = findWorkspaceEntry(packageDir, subpath, context.conditions, redirect);
  return entry.path === undefined
    ? unresolved(context, 'workspace', entry.missing)
    : toTarget(context, entry.path, specifier);
}

function toTarget({ options, root }: ResolveContext, absolute: string, specifier: string): ResolvedTarget {
  const redirected = redirectOutput(absolute, options.redirects, existsSync) ?? absolute;
  if (!redirected.startsWith(root) || redirected.includes(`${sep}node_modules${sep}`)) {
    return { kind: 'package', name: packageName(specifier) ?? relative(options.root, redirected) };
  }
  // The resolver's paths are absolute and normalized: below the root, the rest is the repository path.
  const path = redirected.slice(root.length);
  return { kind: 'file', path: sep === '/' ? path : path.split(sep).join('/') };
}

function unresolved(context: ResolveContext, reason: UnresolvedReason, absolute?: string): UnresolvedTarget {
  const candidate = absolute === undefined ? undefined : repoPath(context.options.root, absolute);
  return candidate === undefined ? { kind: 'unresolved', reason } : { kind: 'unresolved', reason, candidate };
}

function repoPath(root: string, absolute: string): string | undefined {
  const path = relative(root, absolute);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? undefined : path.split(sep).join('/');
}

/** The first path a tsconfig `paths` pattern maps the specifier to, when one matches. */
function aliasTarget(context: ResolveContext, fromFile: string, specifier: string): string | undefined {
  const aliases = aliasesOf(context, dirname(fromFile));
  if (aliases === null || !aliases.keys.some((key) => matchesPattern(key, specifier))) return undefined;
  return aliases.matcher(specifier)[0];
}

interface Aliases {
  keys: string[];
  matcher: (specifier: string) => string[];
}

/** The `paths` of the tsconfig that governs a folder, looked up once per folder. */
function aliasesOf(context: ResolveContext, folder: string): Aliases | null {
  let aliases = context.aliasesByFolder.get(folder);
  if (aliases !== undefined) return aliases;
  aliases = null;
  try {
    const tsconfig = getTsconfig(join(context.options.root, folder), 'tsconfig.json', context.tsconfigCache);
    const keys = Object.keys(tsconfig?.config.compilerOptions?.paths ?? {});
    const matcher = tsconfig === null ? null : createPathsMatcher(tsconfig);
    if (keys.length > 0 && matcher !== null) aliases = { keys, matcher };
  } catch {
    // An unreadable tsconfig maps nothing here; the resolver reports it where it matters.
  }
  context.aliasesByFolder.set(folder, aliases);
  return aliases;
}

/** oxc-resolver set up the way TypeScript's bundler/nodenext resolution finds files. */
function typescriptLikeOptions(conditions: readonly string[]): NapiResolveOptions {
  return {
    // The nearest tsconfig.json of each importing file: paths, baseUrl, extends, references.
    tsconfig: 'auto',
    conditionNames: [...conditions, 'types', 'import', 'require', 'node', 'default'],
    extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json'],
    extensionAlias: { ...extensionAlias },
    mainFields: ['types', 'module', 'main'],
    builtinModules: true,
  };
}

/** `@scope/name` or `name` of a bare specifier; undefined for relative, absolute and `#` specifiers. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0];
}

/** A tsconfig `paths` key (`@app/*`, `config`) matches a specifier. */
function matchesPattern(key: string, specifier: string): boolean {
  const star = key.indexOf('*');
  if (star === -1) return key === specifier;
  return (
    specifier.length >= key.length - 1 &&
    specifier.startsWith(key.slice(0, star)) &&
    specifier.endsWith(key.slice(star + 1))
  );
}

/** npm's rules for new package names (validate-npm-package-name): no `~'!()*`, no leading `.` or `_`. */
function isNpmName(name: string): boolean {
  return /^(@[a-z0-9-][\w.-]*\/)?[a-z0-9-][\w.-]*$/i.test(name);
}

/**
 * Package name → folder. Two manifests with one name (a test's stand-in `fake-core` named like the
 * real package) resolve to the one nearest the root, the way a workspace lists its packages; a
 * stand-in deeper in the tree never shadows the real package.
 */
function readWorkspacePackages(root: string, packageJsonFiles: readonly string[]): Map<string, string> {
  const packages = new Map<string, { dir: string; depth: number }>();
  for (const file of packageJsonFiles) {
    if (!file.endsWith('package.json')) continue;
    try {
      const manifest = JSON.parse(readFileSync(join(root, file), 'utf8')) as { name?: unknown };
      if (typeof manifest.name !== 'string') continue;
      const depth = file.split('/').length;
      const known = packages.get(manifest.name);
      if (known === undefined || depth < known.depth)
        packages.set(manifest.name, { dir: dirname(join(root, file)), depth });
    } catch {
      // An unreadable package.json is not a workspace package; the package manager reports it.
    }
  }
  return new Map([...packages].map(([name, { dir }]) => [name, dir]));
}
