// One entry point per result kind, so the CLI renders `harness budget` and
// `harness budget report` in every format alike.
import type { Format } from 'agent-harness-diagnostics';
import { createResultDocument, renderResult } from 'agent-harness-diagnostics';
import type { BudgetReport } from '../budget-report.js';
import type { BudgetRunDocument } from '../run-budgets.js';
import { renderBudgetReportMarkdown } from './budget-report-markdown.js';
import { renderBudgetReportPretty } from './budget-report-pretty.js';
import { renderBudgetRunMarkdown } from './budget-run-markdown.js';
import { renderBudgetRunPretty } from './budget-run-pretty.js';

export interface BudgetRenderOptions {
  color?: boolean;
  /** Sparklines in the pretty report (a terminal). */
  sparkline?: boolean;
  toolVersion?: string;
}

export function renderBudgetRun(doc: BudgetRunDocument, format: Format, options: BudgetRenderOptions = {}): string {
  switch (format) {
    case 'pretty':
      return renderBudgetRunPretty(doc, { color: options.color ?? false });
    case 'markdown':
      return renderBudgetRunMarkdown(doc);
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    default:
      return renderResult(doc, format, options);
  }
}

export function renderBudgetReport(report: BudgetReport, format: Format, options: BudgetRenderOptions = {}): string {
  switch (format) {
    case 'pretty':
      return renderBudgetReportPretty(report, options);
    case 'markdown':
      return renderBudgetReportMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    default:
      return renderResult(
        createResultDocument([{ name: 'budget', ok: true, durationMs: 0 }], report.diagnostics),
        format,
        options,
      );
  }
}
