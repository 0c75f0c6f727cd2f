// The per-file cache in .harness/cache/: a file's lexed imports are keyed by its content hash (size +
// mtime only spare re-reading an unchanged file, as git's index does); its resolved targets are kept
// only while the resolution key (the set of source files and the contents of every tsconfig and
// package.json) is unchanged. A cache that does not parse, has another format version or was
// written by another harness version is discarded.
//
// Two files: the base (layers.json, every file, one per line) and the journal (layers.journal.json,
// the files changed or deleted since the base was written, naming the base by its id). A run that
// changed a few files writes only the journal, not the 3 MB base (writing it was a tenth of a
// one-file edit); once the journal holds more than a sixteenth of the files, or the keys change,
// the base is written again, its unchanged lines as they were read, and the journal removed. A
// journal that does not name the base is ignored: every entry is checked against the file anyway.
import { randomUUID } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ensureStateDir, removeInside, writeFileAtomic } from 'agent-harness-system';
import type { CachedFile, StoredIn } from './cache-codec.js';
import { ascii, decodeFiles, fileLine, StoredEntry, storedFile } from './cache-codec.js';
import type { ResolvedTarget } from './create-import-resolver.js';

export type { CachedFile } from './cache-codec.js';
export { hasTargets, hasUnresolved, plainFile } from './cache-codec.js';

const cacheFormat = 'harness-layers-cache';
const journalFormat = 'harness-layers-journal';
export const cacheFormatVersion = 7;

export interface CacheDocument {
  tool: string;
  resolutionKey: string;
  /** Hash of the layers config the stored findings were computed with. */
  rulesKey?: string;
  files: Record<string, CachedFile>;
  /** The base file this document's files were read from (set by loadImportCache; carry it on to save). */
  base?: CacheBase;
}

/** A base file as read: what a journal written on top of it must agree with. */
interface CacheBase {
  readonly id: string;
  readonly tool: string;
  readonly resolutionKey: string;
  readonly rulesKey: string | null;
  /** The files the base holds (a file missing from a later document is deleted in the journal). */
  readonly paths: readonly string[];
  /** The base's text, whose lines are written back as they are when the base is written again. */
  readonly text: string;
}

interface StoredHeader {
  format: typeof cacheFormat;
  version: number;
  id: string;
  tool: string;
  resolutionKey: string;
  rulesKey: string | null;
}

export type CacheLoad = { document: CacheDocument } | { document: undefined; discarded?: string };

/** The journal beside a base file. */
export function journalPathOf(path: string): string {
  return path.replace(/(\.json)?$/, '.journal.json');
}

/** Both files' texts, read at once (undefined: absent or unreadable). */
export interface CacheTexts {
  base: string | undefined;
  journal: string | undefined;
}

export async function readImportCache(path: string): Promise<CacheTexts> {
  const [base, journal] = await Promise.all([readText(path), readText(journalPathOf(path))]);
  return { base, journal };
}

/** A file's text; all ASCII (as the cache is written) is read as Latin-1, without UTF-8 decoding. */
async function readText(path: string): Promise<string | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes === undefined ? undefined : bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

export async function loadImportCache(path: string, tool: string): Promise<CacheLoad> {
  return decodeImportCache(await readImportCache(path), tool);
}

export function decodeImportCache(texts: CacheTexts, tool: string): CacheLoad {
  const text = texts.base;
  if (text === undefined) return { document: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { document: undefined, discarded: 'it is not valid JSON' };
  }
  const stored = value as (Partial<StoredHeader> & { files?: unknown }) | null;
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
  const seen = new Map<string, ResolvedTarget>();
  const files: Record<string, StoredEntry> = {};
  const decoded = decodeFiles(stored.files, 'base', seen, files);
  if (!decoded || typeof stored.resolutionKey !== 'string' || typeof stored.id !== 'string')
    return { document: undefined, discarded: 'it is not a harness layers cache' };
  const base: CacheBase = {
    id: stored.id,
    tool,
    resolutionKey: stored.resolutionKey,
    rulesKey: typeof stored.rulesKey === 'string' ? stored.rulesKey : null,
    paths: Object.keys(files),
    text,
  };
  const document: CacheDocument = { tool, resolutionKey: stored.resolutionKey, files, base };
  if (base.rulesKey !== null) document.rulesKey = base.rulesKey;
  applyJournal(document, texts.journal, base.id, seen);
  return { document };
}

/** The journal's files over the base's; a journal that does not parse or names another base is ignored. */
function applyJournal(
  document: CacheDocument,
  text: string | undefined,
  baseId: string,
  seen: Map<string, ResolvedTarget>,
): void {
  if (text === undefined) return;
  let value: { format?: unknown; version?: unknown; base?: unknown; files?: unknown } | null;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return;
  }
  if (value?.format !== journalFormat || value.version !== cacheFormatVersion || value.base !== baseId) return;
  const changes: Record<string, StoredEntry | null> = {};
  if (!decodeFiles(value.files, 'journal', seen, changes)) return;
  for (const path in changes) {
    const entry = changes[path];
    if (entry === null || entry === undefined) delete document.files[path];
    else document.files[path] = entry;
  }
}

export async function saveImportCache(path: string, document: CacheDocument): Promise<void> {
  await ensureStateDir(dirname(path));
  const journal = document.base === undefined ? undefined : journalText(document, document.base);
  // A cache cut short by a crash is discarded (a journal: ignored) and rebuilt: no fsync.
  if (journal !== undefined) return writeFileAtomic(journalPathOf(path), journal, { durable: false });
  await writeFileAtomic(path, baseText(document), { durable: false });
  await removeInside(dirname(path), basename(journalPathOf(path)));
}

/**
 * The journal on top of `base`: every file that is not the very entry the base holds, and every
 * base file since deleted. Undefined when the base must be written instead: the keys changed, or
 * the journal would hold more than a sixteenth of the files (64 at least).
 */
function journalText(document: CacheDocument, base: CacheBase): string | undefined {
  if (
    base.tool !== document.tool ||
    base.resolutionKey !== document.resolutionKey ||
    base.rulesKey !== (document.rulesKey ?? null)
  )
    return undefined;
  const limit = Math.max(64, Math.floor(base.paths.length / 16));
  const lines: string[] = [];
  const files = document.files;
  for (const file of Object.keys(files)) {
    const f = files[file] as CachedFile;
    if (isFrom(f, 'base') && f.findingsUnchanged()) continue;
    if (lines.length === limit) return undefined;
    lines.push(fileLine(file, storedFile(f)));
  }
  for (const file of base.paths) {
    if (Object.hasOwn(files, file)) continue;
    if (lines.length === limit) return undefined;
    lines.push(fileLine(file, null));
  }
  const header = { format: journalFormat, version: cacheFormatVersion, base: base.id };
  return `${JSON.stringify(header).slice(0, -1)},${filesKey}${lines.length === 0 ? '' : `\n${lines.join(',\n')}`}\n}}`;
}

function isFrom(file: CachedFile, storedIn: StoredIn): file is StoredEntry {
  return file instanceof StoredEntry && file.storedIn === storedIn;
}

/** The whole base, with a new id; a file unchanged since the base was read keeps its line byte for byte. */
function baseText(document: CacheDocument): string {
  const kept = document.base === undefined ? undefined : baseLines(document.base);
  const lines: string[] = [];
  for (const [file, f] of Object.entries(document.files)) {
    const line = isFrom(f, 'base') && f.findingsUnchanged() ? kept?.get(file) : undefined;
    lines.push(line ?? fileLine(file, storedFile(f)));
  }
  const header: StoredHeader = {
    format: cacheFormat,
    version: cacheFormatVersion,
    id: randomUUID(),
    tool: document.tool,
    resolutionKey: document.resolutionKey,
    rulesKey: document.rulesKey ?? null,
  };
  // One JSON document, laid out as baseLines reads it: the header, one file per line, the close.
  const body = lines.length === 0 ? '' : `\n${lines.join(',\n')}`;
  return `${ascii(JSON.stringify(header)).slice(0, -1)},${filesKey}${body}\n}}`;
}

const filesKey = '"files":{';

/**
 * Each file's line when the base is laid out as baseText writes it (the header, then one
 * `"path":[…]` line per file, in the order JSON.parse gave the files); none when it is laid out
 * otherwise (reformatted by hand), whose files are then all encoded again.
 */
function baseLines(base: CacheBase): Map<string, string> | undefined {
  const lines = base.text.split('\n');
  const paths = base.paths;
  if (lines.length !== paths.length + 2 || !lines[0]?.endsWith(filesKey) || lines[lines.length - 1] !== '}}')
    return undefined;
  const kept = new Map<string, string>();
  for (const [i, path] of paths.entries()) {
    const line = lines[i + 1] ?? '';
    const last = i === paths.length - 1;
    const key = plainKey.test(path) ? `"${path}"` : ascii(JSON.stringify(path));
    if (!line.startsWith(`${key}:`) || line.endsWith(',') === last) return undefined;
    kept.set(path, last ? line : line.slice(0, -1));
  }
  return kept;
}

/** A path that JSON writes as it is, between quotes: printable ASCII but `"` and `\`. */
const plainKey = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
