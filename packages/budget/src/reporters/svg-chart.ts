// A standalone SVG line chart of each budget's medians against its budget, for
// `harness budget report --svg FILE` (an artifact, a Pages site, a README image).
// Spec: https://www.w3.org/TR/SVG11/shapes.html#PolylineElement
import type { BudgetReport, ReportBudget } from '../budget-report.js';

const width = 480;
const rowHeight = 120;
const pad = { left: 44, right: 12, top: 22, bottom: 14 };

export function renderSvgChart(report: BudgetReport): string {
  const charted = report.budgets.filter((b) => b.results.some((r) => r.medianMs !== null));
  const height = Math.max(1, charted.length) * rowHeight;
  const parts = charted.map((b, i) => renderRow(b, i * rowHeight));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function renderRow(b: ReportBudget, top: number): string {
  const values = b.results.map((r) => (r.medianMs === null ? null : r.medianMs / 1000));
  const limit = b.seconds ?? b.results.at(-1)?.seconds ?? 0;
  const max = Math.max(limit, ...values.filter((v): v is number => v !== null)) * 1.1 || 1;
  const plotW = width - pad.left - pad.right;
  const plotH = rowHeight - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (values.length === 1 ? plotW / 2 : (i / (values.length - 1)) * plotW);
  const y = (v: number) => top + pad.top + plotH - (v / max) * plotH;
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
  const fails = values.flatMap((v, i) =>
    v === null ? [`<circle cx="${x(i).toFixed(1)}" cy="${y(0).toFixed(1)}" r="3" fill="#d1242f"/>`] : [],
  );
  return [
    `<text x="${pad.left}" y="${top + 14}" font-weight="bold">${escapeXml(b.name)}</text>`,
    `<text x="${width - pad.right}" y="${top + 14}" text-anchor="end" fill="#666">budget ${limit} s</text>`,
    `<text x="${pad.left - 4}" y="${y(max / 1.1).toFixed(1)}" text-anchor="end" fill="#666">${(max / 1.1).toFixed(0)} s</text>`,
    `<text x="${pad.left - 4}" y="${y(0).toFixed(1)}" text-anchor="end" fill="#666">0</text>`,
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(limit).toFixed(1)}" y2="${y(limit).toFixed(1)}" stroke="#d1242f" stroke-dasharray="4 3"/>`,
    `<polyline fill="none" stroke="#0969da" stroke-width="2" points="${points.join(' ')}"/>`,
    ...fails,
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
