// Whether the CI workflow must build before `harness check` (issue #19): a workspace package that
// another one imports resolves, in a fresh clone, only when its entry is a committed file, a
// source-style `exports` condition names one, tsconfig `paths` map its name, or its tsconfig's
// `outDir` leads back to sources (what agent-harness-layers follows). Otherwise the entry lies in
// build output (dist/, lib/) that only a build makes, and the layers check judges those imports
// only after one.
// https://nodejs.org/api/packages.html#subpath-exports, https://www.typescriptlang.org/tsconfig#outDir
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { RepoFacts, WorkspacePackage } from './repo-facts.js';

const scaffolding = /(^|\/)(examples?|templates?|e2e|fixtures|__fixtures__|tests?|playgrounds?)(\/|$)/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Names of the imported workspace packages that resolve only to build output, sorted. */
export function packagesNeedingBuild(facts: RepoFacts): string[] {
  // Examples, templates and test apps are scaffolding, not the code the layers check judges.
  const code = facts.workspaces.filter((w) => !scaffolding.test(w.dir));
  const imported = new Set(code.flatMap((w) => w.internalDeps));
  const files = new Set(facts.files);
  const aliases = pathAliases(facts);
  return code
    .filter((w) => imported.has(w.name) && !aliases.some((alias) => alias.test(w.name)))
    .filter((w) => !resolvesWithoutBuild(facts, w, files))
    .map((w) => w.name)
    .sort();
}

function resolvesWithoutBuild(facts: RepoFacts, pkg: WorkspacePackage, files: ReadonlySet<string>): boolean {
  const manifest = readJson(join(facts.root, pkg.dir, 'package.json'));
  if (manifest === undefined) return true;
  const entries = loaderEntries(manifest);
  if (entries === 'source' || entries.length === 0) return true;
  const inPackage = entries.map((entry) => posix.join(pkg.dir, entry));
  if (inPackage.some((path) => files.has(path))) return true;
  const redirects = outputRedirects(facts, pkg);
  return inPackage.some((path) => sourcesOf(path, redirects).some((source) => files.has(source)));
}

/** The files a loader would import for `.`: 'source' when a source-style condition names one. */
function loaderEntries(manifest: { [key: string]: Json }): string[] | 'source' {
  const exports = manifest.exports;
  if (exports !== undefined && exports !== null) {
    const isMap =
      typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
    const root = isMap ? exports['.'] : exports;
    if (hasSourceCondition(root)) return 'source';
    return leaves(root);
  }
  const fields = [manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main];
  // No entry named: only deep imports (`pkg/lib/x`) reach it, which the check follows to sources.
  return fields.filter((f): f is string => typeof f === 'string');
}

function hasSourceCondition(value: Json | undefined): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasSourceCondition);
  return Object.entries(value).some(([key, inner]) => /source/i.test(key) || hasSourceCondition(inner));
}

function leaves(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap(leaves);
}

interface Redirect {
  outDir: string;
  rootDirs: string[];
}

/** outDir → rootDir of the package's own tsconfig files (rootDir unset: src/ or the package folder). */
function outputRedirects(facts: RepoFacts, pkg: WorkspacePackage): Redirect[] {
  const prefix = pkg.dir === '.' ? '' : `${pkg.dir}/`;
  return facts.tsconfigs
    .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
    .flatMap((path) => {
      const outDir = outputOption(facts.root, path, 'outDir');
      if (outDir === undefined) return [];
      const rootDir = outputOption(facts.root, path, 'rootDir');
      return [{ outDir, rootDirs: rootDir === undefined ? [posix.join(pkg.dir, 'src'), pkg.dir] : [rootDir] }];
    });
}

/**
 * A tsconfig's outDir or rootDir, repository-relative: from the file itself or the configs it
 * extends by relative path, each resolved against the file that sets it (`${configDir}`: the first).
 */
function outputOption(root: string, path: string, key: 'outDir' | 'rootDir'): string | undefined {
  const configDir = posix.dirname(path);
  let current = path;
  for (let depth = 0; depth < 8; depth += 1) {
    const config = readJson(join(root, current), true);
    const value = objectOf(config?.compilerOptions)?.[key];
    const dir = posix.dirname(current);
    if (typeof value === 'string')
      return value.includes('${configDir}')
        ? posix.normalize(value.replace('${configDir}', configDir))
        : posix.join(dir, value);
    const base = config?.extends;
    if (typeof base !== 'string' || !base.startsWith('.')) return undefined;
    current = posix.join(dir, base.endsWith('.json') ? base : `${base}.json`);
    if (current.startsWith('../')) return undefined;
  }
  return undefined;
}

function sourcesOf(path: string, redirects: readonly Redirect[]): string[] {
  return redirects.flatMap(({ outDir, rootDirs }) => {
    if (!path.startsWith(`${outDir}/`)) return [];
    const rest = path.slice(outDir.length + 1).replace(/\.d\.([cm]?)ts$/, '.$1js');
    const ext = /\.([cm]?)js$/.exec(rest)?.[1];
    // `main: "lib/common"` names a folder or a file without its extension.
    const stems =
      ext === undefined
        ? [`${rest}.ts`, `${rest}.tsx`, `${rest}/index.ts`, `${rest}/index.tsx`]
        : [rest.replace(/js$/, 'ts'), rest.replace(/\.[cm]?js$/, '.tsx')];
    return rootDirs.flatMap((dir) => stems.map((stem) => posix.normalize(`${dir}/${stem}`)));
  });
}

/** tsconfig `paths` keys of the root tsconfig.json, as patterns over package names. */
function pathAliases(facts: RepoFacts): RegExp[] {
  const paths = compilerOptions(facts.root, 'tsconfig.json')?.paths;
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return [];
  return Object.keys(paths).map(
    (key) => new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*')}$`),
  );
}

function compilerOptions(root: string, path: string): { [key: string]: Json } | undefined {
  return objectOf(readJson(join(root, path), true)?.compilerOptions);
}

function objectOf(value: Json | undefined): { [key: string]: Json } | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A JSON file, or undefined; tsconfig files may hold comments and trailing commas. */
function readJson(path: string, jsonc = false): { [key: string]: Json } | undefined {
  try {
    let text = readFileSync(path, 'utf8');
    if (jsonc)
      text = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '$1').replace(/,(\s*[}\]])/g, '$1');
    return objectOf(JSON.parse(text) as Json);
  } catch {
    return undefined;
  }
}
