// GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY and PR comments.
import type { Diagnostic, ResultDocument } from '../diagnostic.js';
import { countBySeverity } from '../diagnostic.js';

/** Makes text safe inside a GFM table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * Plain text in GitHub-flavoured Markdown: the characters that start markup, HTML or an entity are
 * backslash-escaped (CommonMark allows it before any ASCII punctuation), so a file name in a message
 * stays text; pipes and line breaks are kept from breaking a table row.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/\r?\n/g, '<br>');
}

/**
 * A code span for any text (CommonMark 6.1): fenced by one backtick more than the longest run inside,
 * padded with a space when the text starts or ends with a backtick or a space. Inside a code span
 * only the table's pipe needs escaping (GFM reads an escaped pipe before the inline parse); a line break,
 * which a code span cannot hold, becomes a space.
 */
export function codeSpan(text: string): string {
  const body = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link destination that survives spaces, parentheses and angle brackets in the path. */
function linkTarget(path: string): string {
  return path.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface MarkdownOptions {
  /**
   * Keep the text within this many bytes (GitHub shows no step summary over 1 MiB): findings that do
   * not fit are counted in a last line instead of shown.
   */
  maxBytes?: number | undefined;
}

export function renderMarkdown(doc: ResultDocument, options: MarkdownOptions = {}): string {
  const counts = countBySeverity(doc.diagnostics);
  const lines = [
    `## harness check: ${doc.ok ? '✅ passed' : '❌ failed'}`,
    '',
    `${counts.error} errors, ${counts.warning} warnings.`,
    '',
    '| check | result | time | files |',
    '| --- | --- | ---: | ---: |',
    ...doc.checks.map(
      (c) =>
        `| ${escapeText(c.name)} | ${c.skipped !== undefined ? `skipped: ${escapeText(c.skipped)}` : c.ok ? 'ok' : 'failed'} | ${c.durationMs} ms | ${c.files ?? ''} |`,
    ),
  ];
  if (doc.diagnostics.length > 0) {
    lines.push('', '| where | rule | finding | fix |', '| --- | --- | --- | --- |');
    lines.push(...doc.diagnostics.map(renderRow));
  }
  const text = `${lines.join('\n')}\n`;
  return options.maxBytes === undefined || Buffer.byteLength(text) <= options.maxBytes
    ? text
    : cutToFit(lines, lines.length - doc.diagnostics.length, options.maxBytes);
}

/** The header and as many finding rows as fit in `maxBytes` with the closing line that counts the rest. */
function cutToFit(lines: readonly string[], firstRow: number, maxBytes: number): string {
  const total = lines.length - firstRow;
  const closing = (shown: number) =>
    `\n${total - shown} more findings are not shown here (a step summary must stay under 1 MiB): the annotations and the SARIF file have them all.\n`;
  let used = Buffer.byteLength(`${lines.slice(0, firstRow).join('\n')}\n`) + Buffer.byteLength(closing(0));
  let shown = 0;
  while (shown < total) {
    const row = Buffer.byteLength(`${lines[firstRow + shown] ?? ''}\n`);
    if (used + row > maxBytes) break;
    used += row;
    shown += 1;
  }
  return `${lines.slice(0, firstRow + shown).join('\n')}\n${closing(shown)}`;
}

function renderRow(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const target = d.target === undefined ? '' : ` → ${codeSpan(d.target)}`;
  return `| ${codeSpan(where)} | [${escapeText(d.rule)}](${linkTarget(d.docs)}) | ${d.severity}: ${escapeText(d.message)}${target} | ${escapeText(d.fix)} |`;
}
