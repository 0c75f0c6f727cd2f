// A Mermaid xychart of a budget's medians against its budget, for Markdown that
// GitHub renders (job summaries, PR comments). GitHub strips inline <svg> and
// data: images from Markdown, Mermaid blocks it draws.
// Spec: https://mermaid.js.org/syntax/xyChart.html
import type { ReportBudget } from '../budget-report.js';

export function renderMermaidChart(budget: ReportBudget): string[] {
  const points = budget.results.filter((r) => r.medianMs !== null);
  if (points.length < 2) return [];
  const seconds = points.map((r) => round((r.medianMs ?? 0) / 1000));
  const limit = budget.seconds ?? points.at(-1)?.seconds ?? 0;
  const top = round(Math.max(limit, ...seconds) * 1.1);
  const labels = points.map((r) => `"${r.commit?.slice(0, 7) ?? r.time.slice(5, 16)}"`);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${budget.name}: median seconds per result (flat line: budget ${limit} s)"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "seconds" 0 --> ${top}`,
    `  line [${seconds.join(', ')}]`,
    `  line [${points.map(() => limit).join(', ')}]`,
    '```',
  ];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
