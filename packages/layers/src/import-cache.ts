// The per-file cache in .harness/cache/layers.json. A file's lexed imports are keyed by its
// content hash (size + mtime only spare re-reading an unchanged file, as git's index does); its
// resolved targets are kept only while the resolution key (the set of source files and the
// contents of every tsconfig and package.json) is unchanged. A cache that does not parse, has
// another format version or was written by another harness version is discarded. On disk each
// file is a compact tuple, one file per line: parsing it is most of a warm run, so it is kept
// small, and a run that changed a few files writes the other lines back as they were read
// instead of encoding every file again (which took longer than parsing them).
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ResolvedTarget, UnresolvedReason, UnresolvedTarget } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';
import type { Violation } from './find-violations.js';
import type { EdgeKind, ImportRecord } from './layers-types.js';
import { ensureStateDir, writeFileAtomic } from 'agent-harness-system';

const cacheFormat = 'harness-layers-cache';
export const cacheFormatVersion = 6;

export interface CachedFile {
  hash: string;
  size: number;
  mtimeMs: number;
  imports: ImportRecord[];
  suppressions: SuppressionComment[];
  error?: string;
  /** One per import, valid while the document's resolutionKey holds. */
  targets?: ResolvedTarget[];
  /** The file's rule findings, valid while its targets and the document's rulesKey hold. */
  findings?: Violation[];
}

export interface CacheDocument {
  tool: string;
  resolutionKey: string;
  /** Hash of the layers config the stored findings were computed with. */
  rulesKey?: string;
  files: Record<string, CachedFile>;
}

// On disk a file's imports are one string (records by line, fields by tab) and so are its
// targets: JSON.parse then makes two strings per file instead of dozens of small arrays, which is
// what a warm run would otherwise spend its time on.
type StoredSuppression = [line: number, rule: string, reason: string];
type StoredFile = [
  hash: string,
  size: number,
  mtimeMs: number,
  imports: string,
  suppressions: StoredSuppression[],
  targets: string | null,
  error: string | null,
  findings: Violation[] | null,
];

interface StoredDocument {
  format: typeof cacheFormat;
  version: number;
  tool: string;
  resolutionKey: string;
  rulesKey: string | null;
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
  if (
    stored === null ||
    typeof stored !== 'object' ||
    stored.format !== cacheFormat ||
    typeof stored.tool !== 'string'
  ) {
    return { document: undefined, discarded: 'it is not a harness layers cache' };
  }
  if (stored.version !== cacheFormatVersion || stored.tool !== tool) {
    return {
      document: undefined,
      discarded: `it was written by another version (${stored.tool}, format ${String(stored.version)})`,
    };
  }
  const files = decodeFiles(stored.files);
  if (files !== undefined) keepLines(text, files);
  if (files === undefined || typeof stored.resolutionKey !== 'string')
    return { document: undefined, discarded: 'it is not a harness layers cache' };
  const document: CacheDocument = { tool, resolutionKey: stored.resolutionKey, files };
  if (typeof stored.rulesKey === 'string') document.rulesKey = stored.rulesKey;
  return { document };
}

export async function saveImportCache(path: string, document: CacheDocument): Promise<void> {
  const lines: string[] = [];
  for (const [file, f] of Object.entries(document.files)) {
    const raw = storedOf.get(f);
    const line = raw === undefined ? undefined : lineOf.get(f);
    // Unchanged since it was loaded, findings included: its line is still right, byte for byte.
    if (raw !== undefined && line !== undefined && sameFindings(f.findings, raw[7])) {
      lines.push(line);
      continue;
    }
    const tuple: StoredFile =
      raw !== undefined
        ? [raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], f.findings ?? null]
        : [
            f.hash,
            f.size,
            f.mtimeMs,
            f.imports
              .map((i) => [field(i.specifier), i.kind, i.typeOnly ? '1' : '0', i.line, i.column].join('\t'))
              .join('\n'),
            f.suppressions.map((x) => [x.line, x.rule, x.reason]),
            f.targets === undefined ? null : f.targets.map((t) => field(encodeTarget(t))).join('\n'),
            f.error ?? null,
            f.findings ?? null,
          ];
    lines.push(ascii(`${JSON.stringify(file)}:${JSON.stringify(tuple)}`));
  }
  const header: Omit<StoredDocument, 'files'> = {
    format: cacheFormat,
    version: cacheFormatVersion,
    tool: document.tool,
    resolutionKey: document.resolutionKey,
    rulesKey: document.rulesKey ?? null,
  };
  // One JSON document, laid out as keepLines reads it: the header, one file per line, the close.
  const body = lines.length === 0 ? '' : `\n${lines.join(',\n')}`;
  const text = `${ascii(JSON.stringify(header)).slice(0, -1)},${filesKey}${body}\n}}`;
  await ensureStateDir(dirname(path));
  await writeFileAtomic(path, text, { durable: false }); // a cache cut short by a crash is discarded and rebuilt
}

const filesKey = '"files":{';

/**
 * Remembers each file's line when the text is laid out as saveImportCache writes it (the header,
 * then one `"path":[…]` line per file, in the order JSON.parse gave the files); a text laid out
 * otherwise (reformatted by hand) is still a good cache, whose files are then all encoded again.
 */
function keepLines(text: string, files: Record<string, CachedFile>): void {
  const lines = text.split('\n');
  const paths = Object.keys(files);
  if (lines.length !== paths.length + 2 || !lines[0]?.endsWith(filesKey) || lines[lines.length - 1] !== '}}') return;
  const bodies: string[] = [];
  for (const [i, path] of paths.entries()) {
    const line = lines[i + 1] ?? '';
    const body = i === paths.length - 1 ? line : line.slice(0, -1);
    const key = plainKey.test(path) ? `"${path}"` : ascii(JSON.stringify(path));
    if (!line.startsWith(`${key}:`) || (body === line) !== (i === paths.length - 1)) return;
    bodies.push(body);
  }
  paths.forEach((path, i) => lineOf.set(files[path] as CachedFile, bodies[i] as string));
}

/** A path that JSON writes as it is, between quotes: printable ASCII but `"` and `\`. */
const plainKey = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * JSON with every character past ASCII as a `\\u` escape: the whole cache stays ASCII, which Node
 * reads into a one-byte string, faster to read and to parse than the two-byte string one `→` in a
 * finding's message would make of all 3 MB.
 */
function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a file's findings are still the very ones its stored tuple holds (none stored: none now). */
function sameFindings(now: readonly Violation[] | undefined, stored: readonly Violation[] | null): boolean {
  if (stored === null || now === undefined) return stored === null && now === undefined;
  return now.length === stored.length && now.every((f, i) => f === stored[i]);
}

function encodeTarget(target: ResolvedTarget): string {
  if (target.kind === 'file') return `f${target.path}`;
  if (target.kind === 'package') return `p${target.name}`;
  if (target.kind === 'builtin') return `b${target.name}`;
  // `u<reason letter><candidate path>`: why it led nowhere and where it would have landed.
  return `u${(target.reason ?? 'other')[0] ?? 'o'}${target.candidate ?? ''}`;
}

const reasons: Record<string, UnresolvedReason> = {
  r: 'relative',
  a: 'alias',
  w: 'workspace',
  o: 'other',
  u: 'unknown',
};

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
  const target: UnresolvedTarget = { kind: 'unresolved', reason: reasons[rest[0] ?? 'o'] ?? 'other' };
  if (rest.length > 1) target.candidate = rest.slice(1);
  return target;
}

/** The stored tuple of a file loaded from the cache, for writing it back without re-encoding. */
const storedOf = new WeakMap<CachedFile, StoredFile>();
/** The line a file was loaded from (saveImportCache's layout), for writing it back as it was. */
const lineOf = new WeakMap<CachedFile, string>();

/**
 * A cached file whose imports and targets are decoded only when read: a warm run whose findings
 * are all cached never reads them, and decoding every edge would be a good part of its time.
 */
function lazyCachedFile(stored: StoredFile, seen: Map<string, ResolvedTarget>): CachedFile {
  const [hash, size, mtimeMs, imports, suppressions, targets] = stored;
  let decodedImports: ImportRecord[] | undefined;
  let decodedTargets: ResolvedTarget[] | undefined;
  const file = {
    hash,
    size,
    mtimeMs,
    suppressions: suppressions.map(([line, rule, reason]) => ({ line, rule, reason })),
    get imports(): ImportRecord[] {
      decodedImports ??= records(imports).map((record) => {
        const [specifier = '', kind, typeOnly, line, column] = record.split('\t');
        return {
          specifier: unfield(specifier),
          kind: kind as EdgeKind,
          typeOnly: typeOnly === '1',
          line: Number(line),
          column: Number(column),
        };
      });
      return decodedImports;
    },
    get targets(): ResolvedTarget[] | undefined {
      if (targets === null) return undefined;
      decodedTargets ??= records(targets).map((t) => decodeTargetShared(unfield(t), seen));
      return decodedTargets;
    },
  } as CachedFile;
  storedOf.set(file, stored);
  return file;
}

function records(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function countRecords(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** A value that could break the tab/newline layout is stored as a JSON string, marked by its quote. */
function field(value: string): string {
  return /[\t\n\r]/.test(value) || value.startsWith('"') ? JSON.stringify(value) : value;
}

function unfield(value: string): string {
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

/** Whether a cached file has an import that resolved nowhere, without decoding its targets. */
export function hasUnresolved(file: CachedFile): boolean {
  const stored = storedOf.get(file);
  if (stored === undefined || stored[5] === null) return (file.targets ?? []).some((t) => t.kind === 'unresolved');
  // Only an unresolved target's record starts with `u`, or `"u` when quoted (a path with a newline).
  const targets = stored[5];
  return targets.startsWith('u') || targets.startsWith('"u') || targets.includes('\nu') || targets.includes('\n"u');
}

/** Whether a cached file holds resolved targets, without decoding them. */
export function hasTargets(file: CachedFile): boolean {
  const stored = storedOf.get(file);
  return stored === undefined ? file.targets !== undefined : stored[5] !== null;
}

/** Every entry is checked: a hand-edited or truncated cache must not be half-trusted. */
function decodeFiles(value: unknown): Record<string, CachedFile> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const files: Record<string, CachedFile> = {};
  const seen = new Map<string, ResolvedTarget>();
  for (const [path, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(entry) || entry.length !== 8) return undefined;
    const [hash, size, mtimeMs, imports, suppressions, targets, error, findings] = entry as unknown[];
    if (typeof hash !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return undefined;
    if (typeof imports !== 'string' || !Array.isArray(suppressions)) return undefined;
    if (targets !== null && (typeof targets !== 'string' || countRecords(targets) !== countRecords(imports)))
      return undefined;
    if (!suppressions.every((x) => Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'string'))
      return undefined;
    const file = lazyCachedFile(entry as StoredFile, seen);
    if (typeof error === 'string') file.error = error;
    if (Array.isArray(findings)) {
      if (
        !findings.every(
          (f) =>
            typeof f === 'object' &&
            f !== null &&
            typeof (f as Violation).rule === 'string' &&
            typeof (f as Violation).message === 'string',
        )
      )
        return undefined;
      file.findings = findings as Violation[];
    }
    files[path] = file;
  }
  return files;
}
