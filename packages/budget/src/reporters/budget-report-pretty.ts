// Terminal output of `harness budget report`: per budget the latest median,
// the trailing median and trend, and the last results (a sparkline on a TTY).
import type { BudgetReport, ReportBudget } from '../budget-report.js';
import { formatSeconds } from '../statistics.js';
import type { Paint } from './paint.js';
import { createPaint } from './paint.js';
import { sparkline } from './sparkline.js';

export interface ReportPrettyOptions {
  color?: boolean;
  /** Draw sparklines (the CLI turns them on for a terminal). */
  sparkline?: boolean;
}

export function renderBudgetReportPretty(report: BudgetReport, options: ReportPrettyOptions = {}): string {
  const paint = createPaint(options.color ?? false);
  const lines: string[] = [];
  for (const budget of report.budgets) lines.push(...renderBudget(budget, paint, options.sparkline ?? false), '');
  for (const d of report.diagnostics)
    lines.push(`${paint(33, 'warning')} ${d.message}  ${paint(2, d.rule)}`, `  ${paint(2, 'fix:')} ${d.fix}`, '');
  if (report.badLines.length > 0)
    lines.push(
      paint(
        33,
        `${report.badLines.length} unreadable history lines skipped (lines ${report.badLines.slice(0, 5).join(', ')})`,
      ),
    );
  if (report.budgets.length === 0)
    lines.push(
      'No budgets configured and no history yet: add budgets to harness.config.yaml and run `harness budget`.',
    );
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderBudget(b: ReportBudget, paint: Paint, withSparkline: boolean): string[] {
  const head = `${paint(1, b.name)}  ${paint(2, b.seconds === null ? '(not configured)' : `budget ${b.seconds} s`)}`;
  if (b.results.length === 0) return [head, paint(2, '  no results yet: run `harness budget ' + b.name + '`')];
  const medians = b.results.map((r) => r.medianMs);
  const latest =
    b.latestMs === null
      ? paint(31, 'failed')
      : overBudget(b)
        ? paint(31, formatSeconds(b.latestMs))
        : formatSeconds(b.latestMs);
  const trend =
    b.change === null
      ? paint(2, 'trend: too few comparable results')
      : `trailing ${formatSeconds(b.trailingMs ?? 0)}, ${b.regression ? paint(33, percent(b.change)) : percent(b.change)}`;
  const out = [head, `  latest ${latest}   ${trend}`];
  const values = medians.map((m) => (m === null ? 'failed' : formatSeconds(m))).join(', ');
  out.push(`  last ${b.results.length}: ${withSparkline ? `${sparkline(medians)}  ` : ''}${paint(2, values)}`);
  return out;
}

function overBudget(b: ReportBudget): boolean {
  return b.seconds !== null && b.latestMs !== null && b.latestMs > b.seconds * 1000;
}

export function percent(change: number): string {
  const value = Math.round(change * 100);
  return `${value > 0 ? '+' : ''}${value}%`;
}
