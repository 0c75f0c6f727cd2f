// Finds every import edge of one source file: static imports, re-exports, `import()` with a
// literal, `require()`, `import x = require()`, type-only forms. es-module-lexer does the work
// (it lexes TypeScript and reports type-only imports); see
// https://github.com/guybedford/es-module-lexer#typescript. Files it cannot lex (JSX) go to
// oxc-parser instead.
import { init, parse } from 'es-module-lexer';
import type { lexWithParser as LexWithParser } from './parse-imports.js';
import { createLineIndex } from './line-index.js';
import type { SuppressionComment } from './find-suppressions.js';
import { findSuppressions } from './find-suppressions.js';
import type { EdgeKind, ImportRecord, RawRecord } from './layers-types.js';

export interface LexedFile {
  imports: ImportRecord[];
  suppressions: SuppressionComment[];
  /** Set when neither lexer could read the file; it then has no edges. */
  error?: string;
}

let parserFallback: { lexWithParser: typeof LexWithParser } | undefined;

/** Thrown by lexImports when a file needs the parser fallback and `initLexer(false)` left it unloaded. */
export class ParserFallbackNeeded extends Error {}

/**
 * Compiles the lexer's WebAssembly and (unless `withParser` is false) loads the parser fallback;
 * call before `lexImports`. Without the parser a file that needs it throws ParserFallbackNeeded:
 * load it then with `loadParserFallback` and lex that file again (the graph's builder does, so
 * that a run whose files all lex never loads oxc-parser).
 */
export async function initLexer(withParser = true): Promise<void> {
  await init();
  if (withParser) await loadParserFallback();
}

export async function loadParserFallback(): Promise<void> {
  parserFallback ??= await import('./parse-imports.js');
}

// `require(` preceded by something that is not part of an identifier or a member access.
// The look-behind is checked apart (followsIdentifier): a regex starting with it is tried at every
// offset, one starting with the word is searched for as fast as indexOf.
const requireCall = /require\s*\(\s*(?=['"`])/g;

/** `require(` matches preceded by nothing that makes them part of an identifier or a member access. */
function requireMatches(source: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (const match of source.matchAll(requireCall)) if (!followsIdentifier(source, match.index)) matches.push(match);
  return matches;
}

function followsIdentifier(source: string, at: number): boolean {
  const c = source.charCodeAt(at - 1); // NaN at 0
  // [\w$.]: letters, digits, `_`, `$` and `.`.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46;
}

export function lexImports(text: string, file: string): LexedFile {
  // A UTF-8 byte order mark is not code: left in, the lexer does not see the first line's import.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let records: RawRecord[];
  let error: string | undefined;
  const lines = createLineIndex(source);
  try {
    records = lexWithEsModuleLexer(source);
  } catch {
    if (parserFallback === undefined) throw new ParserFallbackNeeded(`${file} needs the parser fallback`);
    const parsed = parserFallback.lexWithParser(source, file);
    records = parsed.records;
    if (parsed.error !== undefined) {
      // A syntax error: the imports that can still be lexed stay in the graph, and the file is
      // reported (layers/syntax-error) with the error's line.
      records = recoverImports(source);
      error = `${parsed.error.message} (line ${lines.position(parsed.error.offset).line})`;
    }
  }
  const imports = records.map((r) => {
    const { line, column } = lines.position(r.offset);
    return { specifier: r.specifier, kind: r.kind, typeOnly: r.typeOnly, line, column };
  });
  const lexed: LexedFile = { imports, suppressions: findSuppressions(source) };
  if (error !== undefined) lexed.error = error;
  return lexed;
}

/**
 * The imports of a file that does not parse: the lexer runs up to the line where it stops, then
 * goes on after that line; where it cannot say where it stopped (an unclosed brace is found only
 * at the end), each line is lexed on its own, which finds every single-line import.
 */
function recoverImports(source: string): RawRecord[] {
  const records: RawRecord[] = [];
  let start = 0;
  for (let guard = 0; start < source.length; guard++) {
    let stop: number;
    try {
      parse(source.slice(start));
      lexRegion(source, start, source.length, records);
      break;
    } catch (e) {
      const idx = (e as { idx?: unknown }).idx;
      stop = typeof idx === 'number' ? start + idx : start;
    }
    const lineStart = source.lastIndexOf('\n', stop - 1) + 1;
    // Each round lexes the rest of the file again: after a few, the rest goes line by line.
    if (lineStart > start && guard < 32) {
      lexRegion(source, start, lineStart, records);
      const next = source.indexOf('\n', stop);
      start = next === -1 ? source.length : next + 1;
      continue;
    }
    // No progress from here: one line at a time.
    lexLines(source, start, source.length, records);
    break;
  }
  const seen = new Set<string>();
  return records
    .filter((r) => !seen.has(`${r.offset}\0${r.specifier}`) && seen.add(`${r.offset}\0${r.specifier}`))
    .sort((a, b) => a.offset - b.offset);
}

/** A region of the source into records, or when it does not lex as a whole, each of its lines. */
function lexRegion(source: string, from: number, to: number, records: RawRecord[]): void {
  try {
    for (const r of lexWithEsModuleLexer(source.slice(from, to))) records.push({ ...r, offset: r.offset + from });
  } catch {
    lexLines(source, from, to, records);
  }
}

function lexLines(source: string, from: number, to: number, records: RawRecord[]): void {
  for (let at = from; at < to; ) {
    const end = source.indexOf('\n', at);
    const lineEnd = end === -1 || end > to ? to : end;
    lexLine(source, at, lineEnd, records);
    at = lineEnd + 1;
  }
}

function lexLine(source: string, from: number, to: number, records: RawRecord[]): void {
  if (!/\b(import|export|require)\b/.test(source.slice(from, to))) return;
  try {
    for (const r of lexWithEsModuleLexer(source.slice(from, to))) records.push({ ...r, offset: r.offset + from });
  } catch {
    // Not lexable on its own either (a multi-line statement): left out.
  }
}

/**
 * One lexer pass over the file: `require(` candidates are rewritten to an equally long `import (`
 * first, so the lexer reports exactly the real calls (not those in strings, comments or regexes)
 * as dynamic imports at the same offsets, next to the file's other imports. A file with an
 * `import x = require()` form, or whose rewritten text does not lex, takes two passes instead.
 */
function lexWithEsModuleLexer(source: string): RawRecord[] {
  const candidates = source.includes('require') ? requireCandidates(source) : [];
  if (candidates.length === 0) return recordsOf(source, parse(source)[0], new Set()).sort(byOffset);
  if (!candidates.some((at) => importEqualsBefore.test(source.slice(Math.max(0, at - 200), at)))) {
    try {
      return recordsOf(source, parse(rewriteRequires(source, candidates))[0], new Set(candidates)).sort(byOffset);
    } catch {
      // Lexed the slow way below, which tells a lexer error from a rewrite it did not take.
    }
  }
  return lexInTwoPasses(source);
}

// Text before a `require(` that may make it `import x = require(…)` (TypeScript's CommonJS import).
const importEqualsBefore = /\bimport\s[^;]*=\s*$/;

function requireCandidates(source: string): number[] {
  const candidates: number[] = [];
  for (const match of requireMatches(source)) candidates.push(match.index);
  return candidates;
}

function rewriteRequires(source: string, candidates: readonly number[]): string {
  let rewritten = '';
  let last = 0;
  for (const at of candidates) {
    rewritten += `${source.slice(last, at)}import `;
    last = at + 'require'.length;
  }
  return rewritten + source.slice(last);
}

type LexedImports = ReturnType<typeof parse>[0];

/** The lexer's records as edges; dynamic imports at `requires` offsets are `require()` calls. */
function recordsOf(source: string, imports: LexedImports, requires: ReadonlySet<number>): RawRecord[] {
  const records: RawRecord[] = [];
  for (const record of imports) {
    if (record.type === 'import-meta') continue;
    if (record.type === 'dynamic') {
      if (record.specifier === undefined || record.glob) continue;
      const isRequire = requires.has(record.importStart);
      records.push({
        specifier: record.specifier,
        kind: isRequire ? 'require' : 'dynamic-import',
        typeOnly: isRequire ? false : record.probablyTypeOnly,
        offset: record.importStart,
      });
      continue;
    }
    const head = source.slice(record.importStart, record.start);
    const kind: EdgeKind = head.startsWith('export') ? 'export' : importEquals.test(head) ? 'import-equals' : 'import';
    records.push({ specifier: record.specifier, kind, typeOnly: record.typeOnly, offset: record.importStart });
  }
  return records;
}

const importEquals = /=\s*require\s*\(\s*['"]$/;
const byOffset = (a: RawRecord, b: RawRecord): number => a.offset - b.offset;

/** The file lexed as it is, then its `require()` calls (those not part of `import x = require()`). */
function lexInTwoPasses(source: string): RawRecord[] {
  const [imports] = parse(source);
  const importEqualsStarts = new Set<number>();
  for (const record of imports)
    if (record.type !== 'dynamic' && importEquals.test(source.slice(record.importStart, record.start)))
      importEqualsStarts.add(record.start);
  const records = recordsOf(source, imports, new Set());
  records.push(...findRequireCalls(source, importEqualsStarts));
  return records.sort(byOffset);
}

/**
 * `require('x')` calls in code (not in strings, comments or regexes). The lexer already knows
 * where code is: each candidate `require` is rewritten to an equally long `import ` so that the
 * lexer reports exactly the real calls as dynamic imports, at the same offsets.
 */
function findRequireCalls(source: string, importEqualsStarts: ReadonlySet<number>): RawRecord[] {
  const candidates: number[] = [];
  for (const match of requireMatches(source)) {
    const quoteAt = match.index + match[0].length;
    if (!importEqualsStarts.has(quoteAt)) candidates.push(match.index);
  }
  if (candidates.length === 0) return [];
  const wanted = new Set(candidates);
  const [imports] = parse(rewriteRequires(source, candidates));
  const records: RawRecord[] = [];
  for (const record of imports) {
    if (record.type !== 'dynamic' || !wanted.has(record.importStart)) continue;
    if (record.specifier === undefined || record.glob) continue;
    records.push({ specifier: record.specifier, kind: 'require', typeOnly: false, offset: record.importStart });
  }
  return records;
}
