// How one file of the layers cache is stored (import-cache.ts keeps the files: a base file and a
// journal of the files changed since). A file is a compact tuple whose imports and targets are one
// string each (records by line, fields by tab): JSON.parse then makes two strings per file instead of
// dozens of small arrays. A loaded file decodes its imports and targets only when they are read: a
// warm run whose findings are all cached never reads them.
import type { ResolvedTarget, UnresolvedReason, UnresolvedTarget } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';
import type { Violation } from './find-violations.js';
import type { EdgeKind, ImportRecord } from './layers-types.js';

export interface CachedFile {
  hash: string;
  size: number;
  mtimeMs: number;
  imports: ImportRecord[];
  suppressions: SuppressionComment[];
  error?: string;
  /** One per import, valid while the document's resolutionKey holds. */
  targets?: ResolvedTarget[] | undefined;
  /** The file's rule findings, valid while its targets and the document's rulesKey hold. */
  findings?: Violation[];
}

type StoredSuppression = [line: number, rule: string, reason: string];
export type StoredFile = [
  hash: string,
  size: number,
  mtimeMs: number,
  imports: string,
  suppressions: StoredSuppression[],
  targets: string | null,
  error: string | null,
  findings: Violation[] | null,
];

/** Shared by every file without a suppression comment (most of them); frozen, so nothing adds to it. */
const noSuppressions = Object.freeze([]) as unknown as SuppressionComment[];

/** Where a loaded file was read: the base file, or the journal of files changed since. */
export type StoredIn = 'base' | 'journal';

/** A file read from the cache: its stored tuple is kept, to be written back as it is while unchanged. */
export class StoredEntry implements CachedFile {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly suppressions: SuppressionComment[];
  error?: string;
  findings?: Violation[];
  #imports: ImportRecord[] | undefined;
  #targets: ResolvedTarget[] | undefined;

  constructor(
    readonly stored: StoredFile,
    readonly storedIn: StoredIn,
    private readonly seen: Map<string, ResolvedTarget>,
  ) {
    this.hash = stored[0];
    this.size = stored[1];
    this.mtimeMs = stored[2];
    this.suppressions =
      stored[4].length === 0 ? noSuppressions : stored[4].map(([line, rule, reason]) => ({ line, rule, reason }));
    if (stored[6] !== null) this.error = stored[6];
    if (stored[7] !== null) this.findings = stored[7];
  }

  get imports(): ImportRecord[] {
    this.#imports ??= records(this.stored[3]).map((record) => {
      const [specifier = '', kind, typeOnly, line, column] = record.split('\t');
      return {
        specifier: unfield(specifier),
        kind: kind as EdgeKind,
        typeOnly: typeOnly === '1',
        line: Number(line),
        column: Number(column),
      };
    });
    return this.#imports;
  }

  get targets(): ResolvedTarget[] | undefined {
    const targets = this.stored[5];
    if (targets === null) return undefined;
    this.#targets ??= records(targets).map((t) => decodeTargetShared(unfield(t), this.seen));
    return this.#targets;
  }

  /** Whether the findings are still the very ones the stored tuple holds (none stored: none now). */
  findingsUnchanged(): boolean {
    const stored = this.stored[7];
    const now = this.findings;
    if (stored === null || now === undefined) return stored === null && now === undefined;
    return now.length === stored.length && now.every((f, i) => f === stored[i]);
  }
}

/** A file as plain fields (a loaded one decoded), for a copy that changes some of them. */
export function plainFile(file: CachedFile): CachedFile {
  const plain: CachedFile = {
    hash: file.hash,
    size: file.size,
    mtimeMs: file.mtimeMs,
    imports: file.imports,
    suppressions: file.suppressions,
  };
  const targets = file.targets;
  if (targets !== undefined) plain.targets = targets;
  if (file.error !== undefined) plain.error = file.error;
  if (file.findings !== undefined) plain.findings = file.findings;
  return plain;
}

/** The tuple to store: a loaded file's own (with its current findings), else encoded. */
export function storedFile(file: CachedFile): StoredFile {
  if (file instanceof StoredEntry) {
    const raw = file.stored;
    return [raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], file.findings ?? null];
  }
  return [
    file.hash,
    file.size,
    file.mtimeMs,
    file.imports
      .map((i) => [field(i.specifier), i.kind, i.typeOnly ? '1' : '0', i.line, i.column].join('\t'))
      .join('\n'),
    file.suppressions.map((x) => [x.line, x.rule, x.reason]),
    file.targets === undefined ? null : file.targets.map((t) => field(encodeTarget(t))).join('\n'),
    file.error ?? null,
    file.findings ?? null,
  ];
}

/** One `"path":[…]` line of a cache file (a deleted file's journal line: `"path":null`). */
export function fileLine(path: string, tuple: StoredFile | null): string {
  return ascii(`${JSON.stringify(path)}:${JSON.stringify(tuple)}`);
}

/**
 * JSON with every character past ASCII as a `\\u` escape: the whole cache stays ASCII, which Node
 * reads into a one-byte string, faster to read and to parse than the two-byte string one `→` in a
 * finding's message would make of all 3 MB.
 */
export function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every entry is checked: a hand-edited or truncated cache must not be half-trusted. A journal
 * also holds `null` for a file deleted since the base was written. The files go into `into`;
 * false, with `into` half filled, when an entry is not a stored file.
 */
export function decodeFiles(
  value: unknown,
  storedIn: StoredIn,
  seen: Map<string, ResolvedTarget>,
  into: Record<string, StoredEntry | null>,
): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const stored = value as Record<string, unknown>;
  // for…in over JSON.parse's own object: no [key, value] array per file, as Object.entries would make.
  for (const path in stored) {
    const entry = stored[path];
    if (entry === null && storedIn === 'journal') into[path] = null;
    else if (isStoredFile(entry)) into[path] = new StoredEntry(entry, storedIn, seen);
    else return false;
  }
  return true;
}

function isStoredFile(entry: unknown): entry is StoredFile {
  if (!Array.isArray(entry) || entry.length !== 8) return false;
  // Indexed, not destructured: destructuring goes through the array iterator, an object per step.
  const fields = entry as unknown[];
  const hash = fields[0];
  const size = fields[1];
  const mtimeMs = fields[2];
  const imports = fields[3];
  const suppressions = fields[4];
  const targets = fields[5];
  const error = fields[6];
  const findings = fields[7];
  if (typeof hash !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return false;
  if (typeof imports !== 'string' || !Array.isArray(suppressions)) return false;
  if (targets !== null && (typeof targets !== 'string' || countRecords(targets) !== countRecords(imports)))
    return false;
  if (!suppressions.every((x) => Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'string'))
    return false;
  if (error !== null && typeof error !== 'string') return false;
  return findings === null || (Array.isArray(findings) && findings.every(isViolation));
}

function isViolation(f: unknown): boolean {
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof (f as Violation).rule === 'string' &&
    typeof (f as Violation).message === 'string'
  );
}

/** Whether a cached file has an import that resolved nowhere, without decoding its targets. */
export function hasUnresolved(file: CachedFile): boolean {
  if (!(file instanceof StoredEntry) || file.stored[5] === null)
    return (file.targets ?? []).some((t) => t.kind === 'unresolved');
  // Only an unresolved target's record starts with `u`, or `"u` when quoted (a path with a newline).
  const targets = file.stored[5];
  return targets.startsWith('u') || targets.startsWith('"u') || targets.includes('\nu') || targets.includes('\n"u');
}

/** Whether a cached file holds resolved targets, without decoding them. */
export function hasTargets(file: CachedFile): boolean {
  return file instanceof StoredEntry ? file.stored[5] !== null : file.targets !== undefined;
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
