// GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY and PR comments.
import type { Diagnostic, ResultDocument } from '../diagnostic.js';
import { countBySeverity } from '../diagnostic.js';

/** Makes text safe inside a GFM table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function renderMarkdown(doc: ResultDocument): string {
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
        `| ${escapeCell(c.name)} | ${c.skipped !== undefined ? `skipped: ${escapeCell(c.skipped)}` : c.ok ? 'ok' : 'failed'} | ${c.durationMs} ms | ${c.files ?? ''} |`,
    ),
  ];
  if (doc.diagnostics.length > 0) {
    lines.push('', '| where | rule | finding | fix |', '| --- | --- | --- | --- |');
    lines.push(...doc.diagnostics.map(renderRow));
  }
  return `${lines.join('\n')}\n`;
}

function renderRow(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const target = d.target === undefined ? '' : ` → \`${d.target}\``;
  return `| \`${escapeCell(where)}\` | [${escapeCell(d.rule)}](${d.docs}) | ${d.severity}: ${escapeCell(d.message)}${escapeCell(target)} | ${escapeCell(d.fix)} |`;
}
