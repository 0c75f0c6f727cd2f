// What the repository defines that instruction files may name: package.json scripts and packages
// (every package.json git knows, so workspace packages count wherever they live), Makefile
// targets and justfile recipes.
import { posix } from 'node:path';
import type { InsideRead } from './read-inside.js';

interface WorkspacePackage {
  /** Repository-relative folder, "" for the root. */
  dir: string;
  name?: string;
  scripts: Set<string>;
  dependencies: Set<string>;
}

export interface Workspace {
  packages: WorkspacePackage[];
  /** Undefined when the repository has no Makefile. */
  makeTargets?: Set<string>;
  makefiles: string[];
  justRecipes?: Set<string>;
  justfiles: string[];
}

const makeTarget = /^([A-Za-z0-9_./%-]+(?:\s+[A-Za-z0-9_./%-]+)*)\s*::?(?!=)/;
const justRecipe = /^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)/;

/** `read` reads a repository file (readInside: never through a symbolic link out of the tree, a tracked `package.json -> /etc/…`). */
export function readWorkspace(read: (path: string) => InsideRead, files: readonly string[]): Workspace {
  const readText = (path: string): string | undefined => {
    const text = read(path);
    return text !== undefined && 'text' in text ? text.text : undefined;
  };
  const manifests: string[] = [];
  const makefiles: string[] = [];
  const justfiles: string[] = [];
  // One pass over what may be 10,000 paths, each file's name taken once.
  for (const f of files) {
    const name = f.slice(f.lastIndexOf('/') + 1);
    if (name === 'package.json') manifests.push(f);
    else if (/^(?:GNUmakefile|makefile|Makefile)$|\.mk$/.test(name)) makefiles.push(f);
    else if (/^\.?justfile$/i.test(name)) justfiles.push(f);
  }
  const packages = manifests.map((m) => readPackage(readText, m)).filter((p) => p !== undefined);
  const workspace: Workspace = { packages, makefiles, justfiles };
  if (makefiles.length > 0)
    workspace.makeTargets = collect(readText, makefiles, makeTarget, (m) => (m[1] ?? '').split(/\s+/));
  if (justfiles.length > 0) workspace.justRecipes = collect(readText, justfiles, justRecipe, (m) => [m[1] ?? '']);
  return workspace;
}

function readPackage(readText: (path: string) => string | undefined, manifest: string): WorkspacePackage | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readText(manifest) ?? '') as Record<string, unknown>;
  } catch {
    return undefined; // not ours to judge; the package manager reports a broken manifest
  }
  const keys = (value: unknown): string[] => (value !== null && typeof value === 'object' ? Object.keys(value) : []);
  const dir = posix.dirname(manifest);
  const dependencies = new Set([
    ...keys(json.dependencies),
    ...keys(json.devDependencies),
    ...keys(json.peerDependencies),
    ...keys(json.optionalDependencies),
  ]);
  const pkg: WorkspacePackage = { dir: dir === '.' ? '' : dir, scripts: new Set(keys(json.scripts)), dependencies };
  if (typeof json.name === 'string') pkg.name = json.name;
  return pkg;
}

function collect(
  readText: (path: string) => string | undefined,
  files: readonly string[],
  pattern: RegExp,
  names: (m: RegExpExecArray) => string[],
): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = readText(file);
    if (text === undefined) continue;
    for (const line of text.split('\n')) {
      if (line.startsWith('\t') || line.startsWith(' ') || line.startsWith('#')) continue;
      const m = pattern.exec(line);
      if (m !== null) for (const name of names(m)) if (name !== '') found.add(name);
    }
  }
  return found;
}
