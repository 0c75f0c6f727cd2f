// Parsing and validating harness.config.yaml's text: the YAML parser and the schema (zod). Only a
// config the cache does not know loads this module (load-config.ts, config-cache.ts).
import type { Alias, Document } from 'yaml';
import { LineCounter, parseDocument, visit } from 'yaml';
import type { ConfigProblem } from './config-error.js';
import { problemsFromZod } from './config-error.js';
import type { HarnessConfig } from './schema.js';
import { configSchema } from './schema.js';

export type ValidationResult = { ok: true; config: HarnessConfig } | { ok: false; problems: ConfigProblem[] };

/** Parses and validates config text; problems come back as data, never thrown. */
export function validateConfig(text: string, file: string): ValidationResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, key: '(yaml)', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  let data: unknown;
  try {
    // The yaml library refuses an alias that expands too far (a "billion laughs" bomb) or names no
    // anchor, by throwing: that is a problem in the file, not a bug.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [aliasProblem(doc, lines, file, error)] };
  }
  const parsed = configSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: problemsFromZod(parsed.error, doc, lines, file) };
}

function aliasProblem(doc: Document, lines: LineCounter, file: string, error: unknown): ConfigProblem {
  const message = error instanceof Error ? error.message : String(error);
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, node) => void aliases.push(node) });
  const named = aliases.find((a) => message.endsWith(`: ${a.source}`)) ?? aliases[0];
  const pos = lines.linePos(named?.range?.[0] ?? 0);
  const what = /excessive alias count/i.test(message)
    ? 'too many alias expansions (*alias): the file expands to more than harness reads; write the values out'
    : `${message.split('\n')[0] ?? message}`;
  return { file, line: pos.line, column: pos.col, key: '(yaml)', message: what };
}
