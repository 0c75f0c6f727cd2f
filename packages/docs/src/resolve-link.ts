// Where a markdown link points: nowhere we check (a URL, a mail address), an absolute machine
// path, or a repository path with an optional heading anchor.
import { posix } from 'node:path';

export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'absolute'; path: string }
  | { kind: 'outside'; path: string }
  | { kind: 'repo'; path: string; anchor?: string; selfAnchor: boolean };

const scheme = /^[a-z][a-z0-9+.-]*:/i;
const machinePath = /^(?:\/(?:Users|home)\/[^/\s]+|[A-Za-z]:[\\/]|file:)/;

// Most paths in docs are clean relative paths (no `.` or `..` segment, no `//`): joining them needs
// no normalizing, which is most of what resolving thousands of links and mentions costs.
const unclean = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\//;

/** True when `path` is relative, not empty, and has no `.` or `..` segment and no `//`. */
export const cleanPath = (path: string): boolean => path !== '' && !unclean.test(path);

/** posix.join(dir, path) for a normalized dir (`.` or '' for the root). */
export function joinPath(dir: string, path: string): string {
  if (!cleanPath(path)) return posix.join(dir, path);
  return dir === '' || dir === '.' ? path : `${dir}/${path}`;
}

export function resolveLink(docPath: string, url: string): LinkTarget {
  const trimmed = url.trim();
  if (machinePath.test(trimmed)) return { kind: 'absolute', path: trimmed };
  if (trimmed === '' || scheme.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  const hash = trimmed.indexOf('#');
  const pathPart = (hash === -1 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : safeDecode(trimmed.slice(hash + 1));
  if (pathPart === '')
    return {
      kind: 'repo',
      path: docPath,
      selfAnchor: true,
      ...(anchor === undefined || anchor === '' ? {} : { anchor }),
    };
  const decoded = safeDecode(pathPart);
  // GitHub renders "/x" in a repository file as the repository's x.
  const joined = decoded.startsWith('/')
    ? posix.normalize(decoded.slice(1))
    : joinPath(posix.dirname(docPath), decoded);
  const normalized = joined.replace(/\/+$/, '');
  if (normalized === '..' || normalized.startsWith('../')) return { kind: 'outside', path: normalized };
  const path = normalized === '.' ? '' : normalized;
  return { kind: 'repo', path, selfAnchor: false, ...(anchor === undefined || anchor === '' ? {} : { anchor }) };
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The markdown files a link or mention of a folder reaches: its index.md or README.md, else every
 * markdown file directly in it (`markdownByDir`: the markdown files by folder, '' for the root).
 */
export function folderEntries(
  dir: string,
  files: ReadonlySet<string>,
  markdownByDir: ReadonlyMap<string, readonly string[]>,
): readonly string[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const name of ['index.md', 'README.md', 'readme.md', 'Readme.md'])
    if (files.has(`${prefix}${name}`)) return [`${prefix}${name}`];
  return markdownByDir.get(dir) ?? [];
}
