// Config problems as data: where (file, line, column, key path), what, and the fix.
import type { ZodError } from 'zod';
import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import { suggestKey } from './suggest-key.js';

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted key path, e.g. `layers.domians` or `budgets.0.seconds`. */
  key: string;
  message: string;
  /** A "did you mean" for unknown keys. */
  suggestion?: string;
}

type Path = readonly PropertyKey[];

/** Turns zod issues into problems located in the YAML source. */
export function problemsFromZod(error: ZodError, doc: Document, lines: LineCounter, file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = suggestKey(issue.path, key);
        problems.push({
          ...locate(doc, lines, path, true),
          file,
          key: formatPath(path),
          message: `unknown key "${key}"${suggestion === undefined ? '' : `: did you mean "${suggestion}"?`}`,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
      continue;
    }
    problems.push({
      ...locate(doc, lines, issue.path, false),
      file,
      key: formatPath(issue.path),
      message: issue.message,
    });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function formatPath(path: Path): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** The line and column of a key (or its value) at `path`, or of its nearest existing ancestor. */
function locate(doc: Document, lines: LineCounter, path: Path, wantKey: boolean): { line: number; column: number } {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined) break;
    keyNode = next.key;
    node = next.value;
  }
  const target = wantKey && keyNode !== undefined ? keyNode : (node ?? keyNode);
  const offset = isNode(target) ? ((target as Node).range?.[0] ?? 0) : 0;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function child(node: unknown, segment: PropertyKey): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair === undefined ? undefined : { key: pair.key, value: pair.value ?? pair.key };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}
