// The per-file cache in .harness/cache/layers.json. A file's lexed imports are keyed by its
// content hash (size + mtime only spare re-reading an unchanged file, as git's index does); its
// resolved targets are kept only while the resolution key (the set of source files and the
// contents of every tsconfig and package.json) is unchanged. A cache that does not parse, has
// another format version or was written by another harness version is discarded.
import { readFile } from 'node:fs/promises';
import type { ResolvedTarget } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';
import type { ImportRecord } from './lex-imports.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const cacheFormat = 'harness-layers-cache';
export const cacheFormatVersion = 1;

export interface CachedFile {
  hash: string;
  size: number;
  mtimeMs: number;
  imports: ImportRecord[];
  suppressions: SuppressionComment[];
  error?: string;
  /** One per import, valid while the document's resolutionKey holds. */
  targets?: ResolvedTarget[];
}

export interface CacheDocument {
  format: typeof cacheFormat;
  version: typeof cacheFormatVersion;
  tool: string;
  resolutionKey: string;
  files: Record<string, CachedFile>;
}

export type CacheLoad = { document: CacheDocument } | { document: undefined; discarded?: string };

export async function loadImportCache(path: string, tool: string): Promise<CacheLoad> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { document: undefined };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { document: undefined, discarded: 'it is not valid JSON' };
  }
  if (!isCacheDocument(value)) return { document: undefined, discarded: 'it is not a harness layers cache' };
  if (value.version !== cacheFormatVersion || value.tool !== tool) {
    return { document: undefined, discarded: `it was written by another version (${String(value.tool)}, format ${String(value.version)})` };
  }
  return { document: value };
}

export async function saveImportCache(path: string, document: CacheDocument): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(document));
}

function isCacheDocument(value: unknown): value is CacheDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Partial<CacheDocument>;
  if (doc.format !== cacheFormat || typeof doc.resolutionKey !== 'string' || typeof doc.tool !== 'string') return false;
  if (typeof doc.files !== 'object' || doc.files === null || Array.isArray(doc.files)) return false;
  // Spot-check entries: a hand-edited or truncated cache must not be half-trusted.
  return Object.values(doc.files).every(
    (f) =>
      typeof f === 'object' &&
      f !== null &&
      typeof f.hash === 'string' &&
      typeof f.size === 'number' &&
      typeof f.mtimeMs === 'number' &&
      Array.isArray(f.imports) &&
      Array.isArray(f.suppressions) &&
      (f.targets === undefined || (Array.isArray(f.targets) && f.targets.length === f.imports.length)),
  );
}
