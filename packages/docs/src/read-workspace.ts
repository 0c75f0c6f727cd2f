// What the repository defines that instruction files may name: package.json scripts and packages
// (every package.json git knows, so workspace packages count wherever they live), Makefile
// targets and justfile recipes.
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

export interface WorkspacePackage {
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

export async function readWorkspace(root: string, files: readonly string[]): Promise<Workspace> {
  const manifests = files.filter((f) => posix.basename(f) === 'package.json');
  const makefiles = files.filter((f) => /^(?:GNUmakefile|makefile|Makefile)$|\.mk$/.test(posix.basename(f)));
  const justfiles = files.filter((f) => /^\.?justfile$/i.test(posix.basename(f)));
  const packages = (await Promise.all(manifests.map((m) => readPackage(root, m)))).filter((p) => p !== undefined);
  const workspace: Workspace = { packages, makefiles, justfiles };
  if (makefiles.length > 0) workspace.makeTargets = await collect(root, makefiles, makeTarget, (m) => (m[1] ?? '').split(/\s+/));
  if (justfiles.length > 0) workspace.justRecipes = await collect(root, justfiles, justRecipe, (m) => [m[1] ?? '']);
  return workspace;
}

async function readPackage(root: string, manifest: string): Promise<WorkspacePackage | undefined> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await readFile(join(root, manifest), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // not ours to judge; the package manager reports a broken manifest
  }
  const keys = (value: unknown): string[] => (value !== null && typeof value === 'object' ? Object.keys(value) : []);
  const dir = posix.dirname(manifest);
  const dependencies = new Set([...keys(json.dependencies), ...keys(json.devDependencies), ...keys(json.peerDependencies), ...keys(json.optionalDependencies)]);
  const pkg: WorkspacePackage = { dir: dir === '.' ? '' : dir, scripts: new Set(keys(json.scripts)), dependencies };
  if (typeof json.name === 'string') pkg.name = json.name;
  return pkg;
}

async function collect(root: string, files: readonly string[], pattern: RegExp, names: (m: RegExpExecArray) => string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(join(root, file), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.startsWith('\t') || line.startsWith(' ') || line.startsWith('#')) continue;
      const m = pattern.exec(line);
      if (m !== null) for (const name of names(m)) if (name !== '') found.add(name);
    }
  }
  return found;
}
