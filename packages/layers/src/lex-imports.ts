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

/** Compiles the lexer's WebAssembly and loads the parser fallback; call before `lexImports`. */
export async function initLexer(): Promise<void> {
  await init();
  // Loaded here rather than at the top so that a warm run, which lexes nothing, never loads it.
  parserFallback ??= await import('./parse-imports.js');
}

// `require(` preceded by something that is not part of an identifier or a member access.
const requireCall = /(?<![\w$.])require\s*\(\s*(?=['"`])/g;

export function lexImports(text: string, file: string): LexedFile {
  // A UTF-8 byte order mark is not code: left in, the lexer does not see the first line's import.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let records: RawRecord[];
  let error: string | undefined;
  const lines = createLineIndex(source);
  try {
    records = lexWithEsModuleLexer(source);
  } catch {
    if (parserFallback === undefined) throw new Error('lexImports called before initLexer');
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

function lexWithEsModuleLexer(source: string): RawRecord[] {
  const [imports] = parse(source);
  const records: RawRecord[] = [];
  const importEqualsStarts = new Set<number>();
  for (const record of imports) {
    if (record.type === 'import-meta') continue;
    if (record.type === 'dynamic') {
      if (record.specifier === undefined || record.glob) continue;
      records.push({
        specifier: record.specifier,
        kind: 'dynamic-import',
        typeOnly: record.probablyTypeOnly,
        offset: record.importStart,
      });
      continue;
    }
    const head = source.slice(record.importStart, record.start);
    const kind: EdgeKind = head.startsWith('export')
      ? 'export'
      : /=\s*require\s*\(\s*['"]$/.test(head)
        ? 'import-equals'
        : 'import';
    if (kind === 'import-equals') importEqualsStarts.add(record.start);
    records.push({ specifier: record.specifier, kind, typeOnly: record.typeOnly, offset: record.importStart });
  }
  if (source.includes('require')) records.push(...findRequireCalls(source, importEqualsStarts));
  return records.sort((a, b) => a.offset - b.offset);
}

/**
 * `require('x')` calls in code (not in strings, comments or regexes). The lexer already knows
 * where code is: each candidate `require` is rewritten to an equally long `import ` so that the
 * lexer reports exactly the real calls as dynamic imports, at the same offsets.
 */
function findRequireCalls(source: string, importEqualsStarts: ReadonlySet<number>): RawRecord[] {
  const candidates: number[] = [];
  for (const match of source.matchAll(requireCall)) {
    const quoteAt = match.index + match[0].length;
    if (!importEqualsStarts.has(quoteAt)) candidates.push(match.index);
  }
  if (candidates.length === 0) return [];
  let rewritten = '';
  let last = 0;
  for (const at of candidates) {
    rewritten += `${source.slice(last, at)}import `;
    last = at + 'require'.length;
  }
  rewritten += source.slice(last);
  const wanted = new Set(candidates);
  const [imports] = parse(rewritten);
  const records: RawRecord[] = [];
  for (const record of imports) {
    if (record.type !== 'dynamic' || !wanted.has(record.importStart)) continue;
    if (record.specifier === undefined || record.glob) continue;
    records.push({ specifier: record.specifier, kind: 'require', typeOnly: false, offset: record.importStart });
  }
  return records;
}
