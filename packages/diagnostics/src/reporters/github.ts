// GitHub Actions workflow commands:
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// Escaping follows @actions/core's command.ts: data escapes % \r \n;
// property values additionally escape : and ,.
import type { Diagnostic, ResultDocument } from '../diagnostic.js';

const commandFor = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(doc: ResultDocument): string {
  const lines = doc.diagnostics.map(renderCommand);
  for (const check of doc.checks) {
    if (check.skipped !== undefined)
      lines.push(
        `::notice title=${escapeProperty(`harness ${check.name}`)}::${escapeData(`skipped: ${check.skipped}`)}`,
      );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function renderCommand(d: Diagnostic): string {
  const props: string[] = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`);
  if (d.column !== undefined) props.push(`col=${d.column}`);
  props.push(`title=${escapeProperty(d.rule)}`);
  const target = d.target === undefined ? '' : ` (${d.target})`;
  const body = `${d.message}${target}\nFix: ${d.fix}\nDocs: ${d.docs}`;
  return `::${commandFor[d.severity]} ${props.join(',')}::${escapeData(body)}`;
}
