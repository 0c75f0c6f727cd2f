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

export type EdgeKind = 'import' | 'export' | 'dynamic-import' | 'require' | 'import-equals';

export interface ImportRecord {
  specifier: string;
  kind: EdgeKind;
  typeOnly: boolean;
  /** 1-based line and column of the statement. */
  line: number;
  column: number;
}

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

export function lexImports(source: string, file: string): LexedFile {
  let records: RawRecord[];
  try {
    records = lexWithEsModuleLexer(source);
  } catch {
    if (parserFallback === undefined) throw new Error('lexImports called before initLexer');
    const parsed = parserFallback.lexWithParser(source, file);
    if (parsed.error !== undefined) return { imports: [], suppressions: findSuppressions(source), error: parsed.error };
    records = parsed.records;
  }
  const lines = createLineIndex(source);
  const imports = records.map((r) => {
    const { line, column } = lines.position(r.offset);
    return { specifier: r.specifier, kind: r.kind, typeOnly: r.typeOnly, line, column };
  });
  return { imports, suppressions: findSuppressions(source) };
}

export interface RawRecord {
  specifier: string;
  kind: EdgeKind;
  typeOnly: boolean;
  /** Offset of the statement (or call) in the source. */
  offset: number;
}

function lexWithEsModuleLexer(source: string): RawRecord[] {
  const [imports] = parse(source);
  const records: RawRecord[] = [];
  const importEqualsStarts = new Set<number>();
  for (const record of imports) {
    if (record.type === 'import-meta') continue;
    if (record.type === 'dynamic') {
      if (record.specifier === undefined || record.glob) continue;
      records.push({ specifier: record.specifier, kind: 'dynamic-import', typeOnly: record.probablyTypeOnly, offset: record.importStart });
      continue;
    }
    const head = source.slice(record.importStart, record.start);
    const kind: EdgeKind = head.startsWith('export') ? 'export' : /=\s*require\s*\(\s*['"]$/.test(head) ? 'import-equals' : 'import';
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
