// The known-findings baseline every checker with a `baseline` setting uses (docs/contract.md,
// "Rule ids"): findings are recorded by file, rule and target, never by line, so moving text or
// code does not break it. `--update-baseline` writes every current finding when no baseline
// exists; afterwards it only removes entries that no longer match, unless growth is allowed.
// Entries that match nothing are reported as stale by the checker that owns the baseline.
// Writing the file is agent-harness-system's settleBaseline; everything it decides is here.
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './diagnostic.js';
import { HarnessError } from './harness-error.js';

export interface BaselineEntry {
  file: string;
  rule: string;
  /** What the finding is about (an import target, a link target…), or "" for findings about a file. */
  target: string;
}

interface BaselineDocument {
  version: 1;
  /** What this file is, for a reader who finds it in the repository. */
  description: string;
  entries: BaselineEntry[];
}

function baselineKey(entry: { file: string; rule: string; target?: string }): string {
  return `${entry.file}\0${entry.rule}\0${entry.target ?? ''}`;
}

/** The baseline of `check` at `path`, or undefined when there is none. */
export async function readBaseline(
  path: string,
  displayPath: string,
  check: string,
): Promise<BaselineEntry[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HarnessError('IO_FAILED', `cannot read the ${check} baseline ${displayPath}`, {
      place: { file: displayPath },
      cause: error,
    });
  }
  return parseBaseline(text, displayPath, check);
}

/** A baseline file's entries from its text (readBaseline's synchronous half); BASELINE_INVALID when malformed. */
export function parseBaseline(text: string, displayPath: string, check: string): BaselineEntry[] {
  const invalid = (why: string): HarnessError =>
    new HarnessError('BASELINE_INVALID', `the ${check} baseline ${displayPath} is not valid: ${why}`, {
      place: { file: displayPath },
      fix: `Restore it from git (git checkout -- ${displayPath}), or delete it and run \`harness check ${check} --update-baseline\` to record the current findings.`,
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'not JSON');
  }
  const doc = value as Partial<BaselineDocument> | null;
  if (doc === null || typeof doc !== 'object' || doc.version !== 1 || !Array.isArray(doc.entries)) {
    throw invalid('expected {"version": 1, "entries": [...]}');
  }
  for (const [i, e] of doc.entries.entries()) {
    const entry = e as Partial<BaselineEntry> | null;
    if (
      entry === null ||
      typeof entry.file !== 'string' ||
      typeof entry.rule !== 'string' ||
      typeof entry.target !== 'string'
    ) {
      throw invalid(`entries[${i}] needs string "file", "rule" and "target"`);
    }
  }
  return doc.entries;
}

/** The baseline file's text: sorted entries, so diffs stay small. */
export function serializeBaseline(entries: readonly BaselineEntry[], description: string): string {
  const sorted = [...entries].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.target, b.target),
  );
  const doc: BaselineDocument = { version: 1, description, entries: sorted };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface BaselineUpdate {
  entries: BaselineEntry[];
  added: number;
  removed: number;
}

/** The baseline `--update-baseline` writes. */
export function planBaselineUpdate(
  existing: readonly BaselineEntry[] | undefined,
  findings: readonly Diagnostic[],
  allowGrowth: boolean,
): BaselineUpdate {
  const current = new Map<string, BaselineEntry>();
  for (const f of findings) current.set(baselineKey(f), { file: f.file, rule: f.rule, target: f.target ?? '' });
  if (existing === undefined) return { entries: [...current.values()], added: current.size, removed: 0 };
  const kept = dedupe(existing).filter((e) => current.has(baselineKey(e)));
  const known = new Set(kept.map(baselineKey));
  const growth = allowGrowth ? [...current.values()].filter((e) => !known.has(baselineKey(e))) : [];
  return { entries: [...kept, ...growth], added: growth.length, removed: existing.length - kept.length };
}

/** Splits findings into those the baseline accepts and the rest, and lists entries matching nothing. */
export function applyBaseline<T extends Diagnostic>(
  findings: readonly T[],
  entries: readonly BaselineEntry[],
): { remaining: T[]; accepted: T[]; stale: BaselineEntry[] } {
  const keys = new Set(entries.map(baselineKey));
  const used = new Set<string>();
  const remaining: T[] = [];
  const accepted: T[] = [];
  for (const f of findings) {
    const key = baselineKey(f);
    if (keys.has(key)) {
      used.add(key);
      accepted.push(f);
    } else remaining.push(f);
  }
  return { remaining, accepted, stale: dedupe(entries).filter((e) => !used.has(baselineKey(e))) };
}

export interface SettleBaselineInput<T extends Diagnostic> {
  /** The check that owns the baseline (`layers`, `docs`): names it in notes, errors and findings. */
  check: string;
  root: string;
  /** The baseline file, relative to the root (the check's `baseline` setting). */
  path: string;
  findings: readonly T[];
  updateBaseline?: boolean | undefined;
  allowGrowth?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** Written into the file for a reader who finds it in the repository. */
  description: string;
  /** Where the check's `stale-baseline` rule is explained. */
  staleDocs: string;
  /**
   * Judged by the base (docs/guard.md, "Judged by the base"): the commit whose baseline file bounds
   * the change's. An entry accepts a finding only when both files hold it, so an entry added in the
   * change accepts nothing, and no entry is stale (a change may fix a finding and leave its entry).
   * Ignored with updateBaseline, which acts on the change's own file. A file named in
   * `acceptedBaselines` (its growth accepted by a code owner's approval) bounds itself instead.
   */
  base?: { ref: string; commit: string; acceptedBaselines?: readonly string[] | undefined } | undefined;
}

export interface SettledBaseline<T extends Diagnostic> {
  /** Findings the baseline does not accept. */
  remaining: T[];
  /** `<check>/stale-baseline` findings for entries that match nothing. */
  stale: Diagnostic[];
  /** What --update-baseline wrote (or would write), for the person running the check. */
  note: string | undefined;
}

export interface PlannedBaseline<T extends Diagnostic> extends SettledBaseline<T> {
  /** The baseline file's new text, when updateBaseline (without dryRun) writes it. */
  write: string | undefined;
}

/**
 * What settling the baseline comes to, given the entries on disk (`existing`, undefined when there is
 * no file): the findings it does not accept, its stale entries, and with updateBaseline the new file.
 * With `input.base`, `atBase` holds the entries of the base's file (undefined when it has none).
 */
export function planSettledBaseline<T extends Diagnostic>(
  input: SettleBaselineInput<T>,
  existing: readonly BaselineEntry[] | undefined,
  atBase?: readonly BaselineEntry[],
): PlannedBaseline<T> {
  if (input.base !== undefined && input.updateBaseline !== true) {
    const bound = input.base.acceptedBaselines?.includes(input.path) === true ? existing : atBase;
    const allowed = new Set((bound ?? []).map(baselineKey));
    const bounded = (existing ?? []).filter((e) => allowed.has(baselineKey(e)));
    return {
      remaining: applyBaseline(input.findings, bounded).remaining,
      stale: [],
      note: undefined,
      write: undefined,
    };
  }
  const { check, path } = input;
  let entries = existing;
  let note: string | undefined;
  let write: string | undefined;
  if (input.updateBaseline === true) {
    const update = planBaselineUpdate(existing, input.findings, input.allowGrowth === true);
    const verb = input.dryRun === true ? 'would write' : 'wrote';
    const notAdded =
      existing !== undefined &&
      input.allowGrowth !== true &&
      applyBaseline(input.findings, update.entries).remaining.length > 0;
    const hint = notAdded ? ' (new findings were not added: the baseline only shrinks unless --allow-growth)' : '';
    note = `${check}: ${verb} ${path}: ${update.entries.length} ${update.entries.length === 1 ? 'entry' : 'entries'} (+${update.added}, -${update.removed})${hint}.`;
    if (input.dryRun !== true) write = serializeBaseline(update.entries, input.description);
    entries = update.entries;
  }
  const { remaining, stale } = applyBaseline(input.findings, entries ?? []);
  return {
    remaining,
    stale: stale.map((entry) => ({
      check,
      rule: `${check}/stale-baseline`,
      severity: 'error',
      file: path,
      ...(entry.target === '' ? {} : { target: entry.target }),
      ...describeStaleEntry(check, entry, path),
      docs: input.staleDocs,
    })),
    note,
    write,
  };
}

/** The message and fix of a `<check>/stale-baseline` finding. */
function describeStaleEntry(
  check: string,
  entry: BaselineEntry,
  baselinePath: string,
): { message: string; fix: string } {
  const what = entry.target === '' ? entry.file : `${entry.file} → ${entry.target}`;
  return {
    message: `the baseline still accepts ${entry.rule} for ${what}, but that finding is gone (fixed or moved away).`,
    fix: `Run \`harness check ${check} --update-baseline\` to drop the entry from ${baselinePath}, and commit the smaller baseline.`,
  };
}

function dedupe(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const seen = new Map<string, BaselineEntry>();
  for (const e of entries) seen.set(baselineKey(e), e);
  return [...seen.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
