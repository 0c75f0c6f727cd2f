// What is at a path init wants to read or write, seen without following it
// (lstat(2)): a symbolic link is the user's file, never written through, and
// nothing is read or written through a link that leaves the repository.
import { lstat, readFile, readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

export type RepoEntry =
  | { kind: 'missing' }
  | { kind: 'file' }
  | { kind: 'directory' }
  | { kind: 'other' }
  /** `to` as the link says it; `resolves` what it points at, `missing` when dangling or outside the repository. */
  | { kind: 'link'; to: string; inside: boolean; resolves: 'file' | 'directory' | 'missing' };

/** The entry at `path` (relative to `root`), a symbolic link described, not followed. */
export async function entryOf(root: string, path: string): Promise<RepoEntry> {
  const absolute = join(root, path);
  let stats;
  try {
    stats = await lstat(absolute);
  } catch {
    return { kind: 'missing' };
  }
  if (stats.isFile()) return { kind: 'file' };
  if (stats.isDirectory()) return { kind: 'directory' };
  if (!stats.isSymbolicLink()) return { kind: 'other' };
  const to = await readlink(absolute);
  const real = await realpath(absolute).catch(() => undefined);
  const inside = real !== undefined && isInside(await realpath(root), real);
  if (real === undefined || !inside) return { kind: 'link', to, inside, resolves: 'missing' };
  const target = await lstat(real);
  return { kind: 'link', to, inside, resolves: target.isDirectory() ? 'directory' : 'file' };
}

/** True when `path` is `root` or below it (both absolute, already real). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The first folder on the way to `path` that is a symbolic link out of the
 * repository (`docs` linked to `../shared-docs`), or undefined when every
 * existing folder on the way is inside it.
 */
export async function escapingFolder(root: string, path: string): Promise<string | undefined> {
  const realRoot = await realpath(root);
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    let real: string;
    try {
      real = await realpath(join(root, folder));
    } catch {
      return undefined;
    }
    if (!isInside(realRoot, real)) return folder;
  }
  return undefined;
}

/** The text of a file inside the repository; undefined when absent, a folder, or reached through a link out of it. */
export async function readInside(root: string, path: string): Promise<string | undefined> {
  const entry = await entryOf(root, path);
  const readable = entry.kind === 'file' || (entry.kind === 'link' && entry.resolves === 'file');
  if (!readable || (await escapingFolder(root, path)) !== undefined) return undefined;
  try {
    return await readFile(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The nearest folder that exists on the way to `path`, relative to `root` ('' for the root itself). */
export async function nearestExisting(root: string, path: string): Promise<string> {
  let folder = dirname(path);
  while (folder !== '.' && folder !== '') {
    const entry = await entryOf(root, folder);
    if (entry.kind !== 'missing') return folder;
    folder = dirname(folder);
  }
  return '';
}
