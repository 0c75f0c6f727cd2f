// GitHub-flavoured Markdown of `harness budget report` for $GITHUB_STEP_SUMMARY:
// a table of every budget and a Mermaid chart of each budget's medians.
import { escapeCell } from 'agent-harness-diagnostics';
import type { BudgetReport, ReportBudget } from '../budget-report.js';
import { formatSeconds } from '../statistics.js';
import { percent } from './budget-report-pretty.js';
import { renderMermaidChart } from './mermaid-chart.js';

export function renderBudgetReportMarkdown(report: BudgetReport): string {
  const lines = [
    '## harness budget report',
    '',
    '| budget | latest | budget | trailing median | trend | results |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...report.budgets.map(row),
  ];
  for (const d of report.diagnostics)
    lines.push('', `> [!WARNING]`, `> ${escapeCell(d.message)} [${d.rule}](${d.docs})`);
  for (const budget of report.budgets) {
    const chart = renderMermaidChart(budget);
    if (chart.length > 0) lines.push('', ...chart);
  }
  return `${lines.join('\n')}\n`;
}

function row(b: ReportBudget): string {
  const latest =
    b.latestMs === null
      ? b.results.length === 0
        ? '–'
        : '❌ failed'
      : `${formatSeconds(b.latestMs)}${b.seconds !== null && b.latestMs > b.seconds * 1000 ? ' ❌' : ''}`;
  const trend = b.change === null ? '–' : `${percent(b.change)}${b.regression ? ' ⚠️' : ''}`;
  const results = b.results.map((r) => (r.medianMs === null ? 'fail' : (r.medianMs / 1000).toFixed(1))).join(' ');
  return `| ${escapeCell(b.name)} | ${latest} | ${b.seconds === null ? '–' : `${b.seconds} s`} | ${b.trailingMs === null ? '–' : formatSeconds(b.trailingMs)} | ${trend} | ${results || '–'} |`;
}
