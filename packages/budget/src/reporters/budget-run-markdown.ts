// GitHub-flavoured Markdown of `harness budget`, for $GITHUB_STEP_SUMMARY
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary).
import { escapeCell } from 'agent-harness-diagnostics';
import type { BudgetOutcome } from '../budget-outcome.js';
import type { BudgetRunDocument } from '../run-budgets.js';
import { formatSeconds } from '../statistics.js';

const shownTasks = 10;

export function renderBudgetRunMarkdown(doc: BudgetRunDocument): string {
  const lines = [
    `## harness budget: ${doc.ok ? '✅ within budget' : '❌ failed'}`,
    '',
    '| budget | median | budget | runs | result |',
    '| --- | ---: | ---: | --- | --- |',
    ...doc.budgets.map(row),
  ];
  for (const o of doc.budgets) lines.push(...details(o));
  if (doc.diagnostics.length > 0) {
    lines.push('', '| where | rule | finding | fix |', '| --- | --- | --- | --- |');
    for (const d of doc.diagnostics) {
      const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
      lines.push(
        `| \`${escapeCell(where)}\` | [${escapeCell(d.rule)}](${d.docs}) | ${d.severity}: ${escapeCell(d.message)} | ${escapeCell(d.fix)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function row(o: BudgetOutcome): string {
  const result =
    o.failure !== undefined
      ? `❌ exit ${o.failure.exitCode}`
      : o.ok
        ? '✅ ok'
        : o.medianMs !== null && o.medianMs > o.seconds * 1000
          ? `❌ over by ${formatSeconds(o.medianMs - o.seconds * 1000)}`
          : '❌ task over budget';
  const runs = o.runsMs.map(formatSeconds).join(', ') || '–';
  return `| ${escapeCell(o.name)} | ${o.medianMs === null ? '–' : formatSeconds(o.medianMs)} | ${o.seconds} s | ${runs} | ${result} |`;
}

function details(o: BudgetOutcome): string[] {
  const out: string[] = [];
  if (o.turbo !== undefined && o.turbo.tasks.length > 0) {
    out.push(
      '',
      `<details><summary>${escapeCell(o.name)}: ${o.turbo.tasks.length} turbo tasks, ${o.turbo.hit} cached</summary>`,
      '',
    );
    out.push('| task | median | budget | cache |', '| --- | ---: | ---: | --- |');
    for (const t of o.turbo.tasks.slice(0, shownTasks)) {
      out.push(
        `| \`${escapeCell(t.id)}\` | ${formatSeconds(t.medianMs)} | ${t.seconds === undefined ? '' : `${t.seconds} s`} | ${t.cache}${t.over ? ' ❌' : ''} |`,
      );
    }
    out.push('', '</details>');
  }
  if (o.failure !== undefined && o.failure.tail.length > 0) {
    out.push(
      '',
      `<details><summary>${escapeCell(o.name)}: last output lines</summary>`,
      '',
      '```text',
      ...o.failure.tail.map((l) => l.replace(/```/g, "'''")),
      '```',
      '',
      '</details>',
    );
  }
  return out;
}
