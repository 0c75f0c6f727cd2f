// Human output for a terminal, grouped by file like ESLint's "stylish".
import type { Diagnostic, ResultDocument } from '../diagnostic.js';
import { countBySeverity } from '../diagnostic.js';

export interface PrettyOptions {
  /** ANSI colours; the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
}

type Paint = (code: number, text: string) => string;

/**
 * User data (file names, messages) with its control characters shown as `\xNN`: an escape sequence
 * in a file name must not clear or rewrite the reader's terminal. Line breaks and tabs stay.
 */
function visible(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function renderPretty(doc: ResultDocument, options: PrettyOptions = {}): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const lines: string[] = [];
  for (const [file, group] of groupByFile(doc.diagnostics)) {
    lines.push(paint(4, visible(file)));
    for (const d of group) lines.push(...renderDiagnostic(d, paint));
    lines.push('');
  }
  lines.push(...renderChecks(doc, paint));
  return `${lines.join('\n')}\n`;
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file) ?? [];
    group.push(d);
    groups.set(d.file, group);
  }
  return groups;
}

const severityColor = { error: 31, warning: 33, info: 36 } as const;

function renderDiagnostic(d: Diagnostic, paint: Paint): string[] {
  const position = d.line === undefined ? '' : `${d.line}:${d.column ?? 1}`;
  const head = `  ${position.padEnd(7)} ${paint(severityColor[d.severity], d.severity.padEnd(7))} ${visible(d.message)}  ${paint(2, visible(d.rule))}`;
  const out = [head];
  if (d.target !== undefined)
    out.push(`           ${paint(2, '→')} ${visible(d.target)}${d.typeOnly ? ' (type-only)' : ''}`);
  out.push(`           ${paint(2, 'fix:')} ${visible(d.fix)}`);
  out.push(`           ${paint(2, 'docs:')} ${visible(d.docs)}`);
  return out;
}

function renderChecks(doc: ResultDocument, paint: Paint): string[] {
  const out: string[] = [];
  for (const check of doc.checks) {
    const status = check.skipped !== undefined ? paint(2, 'skipped') : check.ok ? paint(32, 'ok') : paint(31, 'failed');
    const detail = visible(
      check.skipped ?? `${check.durationMs} ms${check.files === undefined ? '' : `, ${check.files} files`}`,
    );
    out.push(`${visible(check.name).padEnd(10)} ${status}  ${paint(2, detail)}`);
  }
  const counts = countBySeverity(doc.diagnostics);
  const summary = `${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}`;
  out.push(doc.ok ? paint(32, `✔ ${summary}`) : paint(31, `✖ ${summary}`));
  return out;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
