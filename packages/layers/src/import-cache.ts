// The per-file cache in .harness/cache/layers.json. A file's lexed imports are keyed by its
// content hash (size + mtime only spare re-reading an unchanged file, as git's index does); its
// resolved targets are kept only while the resolution key (the set of source files and the
// contents of every tsconfig and package.json) is unchanged. A cache that does not parse, has
// another format version or was written by another harness version is discarded. On disk each
// file is a compact tuple: parsing it is most of a warm run, so it is kept small.
import { readFile } from 'node:fs/promises';
import type { ResolvedTarget } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';
import type { EdgeKind, ImportRecord } from './lex-imports.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const cacheFormat = 'harness-layers-cache';
export const cacheFormatVersion = 2;

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
  tool: string;
  resolutionKey: string;
  files: Record<string, CachedFile>;
}

type StoredImport = [specifier: string, kind: EdgeKind, typeOnly: 0 | 1, line: number, column: number];
type StoredSuppression = [line: number, rule: string, reason: string];
type StoredFile = [hash: string, size: number, mtimeMs: number, imports: StoredImport[], suppressions: StoredSuppression[], targets: string[] | null, error: string | null];

interface StoredDocument {
  format: typeof cacheFormat;
  version: number;
  tool: string;
  resolutionKey: string;
  files: Record<string, StoredFile>;
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
  const stored = value as Partial<StoredDocument> | null;
  if (stored === null || typeof stored !== 'object' || stored.format !== cacheFormat || typeof stored.tool !== 'string') {
    return { document: undefined, discarded: 'it is not a harness layers cache' };
  }
  if (stored.version !== cacheFormatVersion || stored.tool !== tool) {
    return { document: undefined, discarded: `it was written by another version (${stored.tool}, format ${String(stored.version)})` };
  }
  const files = decodeFiles(stored.files);
  if (files === undefined || typeof stored.resolutionKey !== 'string') return { document: undefined, discarded: 'it is not a harness layers cache' };
  return { document: { tool, resolutionKey: stored.resolutionKey, files } };
}

export async function saveImportCache(path: string, document: CacheDocument): Promise<void> {
  const files: Record<string, StoredFile> = {};
  for (const [file, f] of Object.entries(document.files)) {
    files[file] = [
      f.hash,
      f.size,
      f.mtimeMs,
      f.imports.map((i) => [i.specifier, i.kind, i.typeOnly ? 1 : 0, i.line, i.column]),
      f.suppressions.map((s) => [s.line, s.rule, s.reason]),
      f.targets?.map(encodeTarget) ?? null,
      f.error ?? null,
    ];
  }
  const stored: StoredDocument = { format: cacheFormat, version: cacheFormatVersion, tool: document.tool, resolutionKey: document.resolutionKey, files };
  await writeFileAtomic(path, JSON.stringify(stored));
}

function encodeTarget(target: ResolvedTarget): string {
  if (target.kind === 'file') return `f${target.path}`;
  if (target.kind === 'package') return `p${target.name}`;
  if (target.kind === 'builtin') return `b${target.name}`;
  return 'u';
}

/** Targets are shared between the many imports that name the same file; decode each once. */
function decodeTargetShared(text: string, seen: Map<string, ResolvedTarget>): ResolvedTarget {
  let target = seen.get(text);
  if (target === undefined) {
    target = decodeTarget(text);
    seen.set(text, target);
  }
  return target;
}

function decodeTarget(text: string): ResolvedTarget {
  const rest = text.slice(1);
  if (text[0] === 'f') return { kind: 'file', path: rest };
  if (text[0] === 'p') return { kind: 'package', name: rest };
  if (text[0] === 'b') return { kind: 'builtin', name: rest };
  return { kind: 'unresolved' };
}

/** Every entry is checked: a hand-edited or truncated cache must not be half-trusted. */
function decodeFiles(value: unknown): Record<string, CachedFile> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const files: Record<string, CachedFile> = {};
  const seen = new Map<string, ResolvedTarget>();
  for (const [path, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(entry) || entry.length !== 7) return undefined;
    const [hash, size, mtimeMs, imports, suppressions, targets, error] = entry as unknown[];
    if (typeof hash !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return undefined;
    if (!Array.isArray(imports) || !Array.isArray(suppressions)) return undefined;
    if (targets !== null && (!Array.isArray(targets) || targets.length !== imports.length)) return undefined;
    const file: CachedFile = {
      hash,
      size,
      mtimeMs,
      imports: (imports as StoredImport[]).map(([specifier, kind, typeOnly, line, column]) => ({ specifier, kind, typeOnly: typeOnly === 1, line, column })),
      suppressions: (suppressions as StoredSuppression[]).map(([line, rule, reason]) => ({ line, rule, reason })),
    };
    if (!file.imports.every((i) => typeof i.specifier === 'string' && typeof i.line === 'number')) return undefined;
    if (Array.isArray(targets)) file.targets = (targets as unknown[]).map((t) => decodeTargetShared(String(t), seen));
    if (typeof error === 'string') file.error = error;
    files[path] = file;
  }
  return files;
}
