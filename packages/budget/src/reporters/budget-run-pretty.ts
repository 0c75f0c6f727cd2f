// Terminal output of `harness budget`: one block per budget (budget, median, the
// runs, the slowest turbo tasks), then the findings with their fix.
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { BudgetOutcome } from '../budget-outcome.js';
import type { BudgetRunDocument } from '../run-budgets.js';
import { formatSeconds } from '../statistics.js';
import type { Paint } from './paint.js';
import { createPaint } from './paint.js';

const shownTasks = 5;
const shownTail = 20;

export function renderBudgetRunPretty(doc: BudgetRunDocument, options: { color?: boolean } = {}): string {
  const paint = createPaint(options.color ?? false);
  const lines: string[] = [];
  for (const outcome of doc.budgets) lines.push(...renderBlock(outcome, paint), '');
  for (const d of doc.diagnostics) lines.push(...renderFinding(d, paint), '');
  const failed = doc.budgets.filter((b) => !b.ok).length;
  lines.push(
    failed === 0
      ? paint(32, `✔ ${doc.budgets.length} ${doc.budgets.length === 1 ? 'budget' : 'budgets'} passed`)
      : paint(31, `✖ ${failed} of ${doc.budgets.length} ${doc.budgets.length === 1 ? 'budget' : 'budgets'} failed`),
  );
  return `${lines.join('\n')}\n`;
}

function renderBlock(o: BudgetOutcome, paint: Paint): string[] {
  const out = [`${paint(1, o.name)}  ${paint(2, o.command)}`, `  Budget:  ${o.seconds} s`];
  if (o.medianMs !== null) {
    const runs = o.runsMs.length === 1 ? '1 run' : `${o.runsMs.length} runs: ${o.runsMs.map(formatSeconds).join(', ')}`;
    const extras = [
      runs,
      o.cpuMs === null ? undefined : `cpu ${formatSeconds(o.cpuMs)}`,
      o.warmupMs.length > 0 ? `${o.warmupMs.length} warm-up` : undefined,
    ];
    out.push(`  Median:  ${formatSeconds(o.medianMs)}  ${paint(2, `(${extras.filter(Boolean).join('; ')})`)}`);
  }
  if (o.turbo !== undefined) {
    out.push(`  Turbo:   ${o.turbo.tasks.length} tasks, ${o.turbo.hit} cached, ${o.turbo.miss} run`);
    // The slowest tasks, and every task that has its own budget.
    const shown = o.turbo.tasks.filter((t, i) => i < shownTasks || t.seconds !== undefined);
    const width = Math.max(...shown.map((t) => t.id.length));
    const limits = shown.map((t) => (t.seconds === undefined ? '' : ` / ${t.seconds} s`));
    const limitWidth = Math.max(...limits.map((l) => l.length));
    for (const [i, task] of shown.entries()) {
      const line = `           ${task.id.padEnd(width)}  ${formatSeconds(task.medianMs).padStart(7)}${(limits[i] ?? '').padEnd(limitWidth)}  ${task.cache}`;
      out.push(task.over ? paint(31, line) : line);
    }
    if (o.turbo.tasks.length > shown.length)
      out.push(paint(2, `           … ${o.turbo.tasks.length - shown.length} more (--format json lists all)`));
  }
  if (o.failure !== undefined) {
    out.push(
      paint(
        31,
        `  ✖ exited with code ${o.failure.exitCode} in ${o.failure.run === 0 ? 'the warm-up run' : `run ${o.failure.run}`}`,
      ),
    );
    for (const line of o.failure.tail.slice(-shownTail)) out.push(paint(2, `    │ ${line}`));
  } else if (o.medianMs !== null) {
    const diff = o.seconds * 1000 - o.medianMs;
    if (diff < 0) out.push(paint(31, `  ✖ ${formatSeconds(-diff)} over budget`));
    else if (!o.ok) out.push(paint(31, `  ✖ ${formatSeconds(diff)} under budget, but a per-task budget failed`));
    else out.push(paint(32, `  ✔ ${formatSeconds(diff)} under budget`));
  }
  return out;
}

const severityColor = { error: 31, warning: 33, info: 36 } as const;

function renderFinding(d: Diagnostic, paint: Paint): string[] {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return [
    `${paint(severityColor[d.severity], d.severity)} ${d.message}  ${paint(2, d.rule)}`,
    `  ${paint(2, 'at:')}   ${where}`,
    `  ${paint(2, 'fix:')}  ${d.fix}`,
    `  ${paint(2, 'docs:')} ${d.docs}`,
  ];
}
