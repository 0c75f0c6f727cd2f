import { describe, expect, it } from 'vitest';
import { createBudgetReport } from '../budget-report.js';
import { budgetDiagnostics, summarizeRuns } from '../budget-outcome.js';
import { entry } from '../history-entry.fixture.js';
import type { BudgetRunDocument } from '../run-budgets.js';
import { renderBudgetReport, renderBudgetRun } from './render-budget.js';
import { sparkline } from './sparkline.js';
import { renderSvgChart } from './svg-chart.js';

const build = { name: 'build', command: 'pnpm turbo run build', seconds: 20, tasks: { '@acme/web#build': 5 } };
const test = { name: 'test', command: 'pnpm test', seconds: 60 };
const turbo = {
  hit: 1,
  miss: 2,
  tasks: {
    '@acme/web#build': { ms: 7200, cache: 'MISS' as const },
    '@acme/api#build': { ms: 3100, cache: 'MISS' as const },
    '@acme/config#build': { ms: 2, cache: 'HIT' as const, savedMs: 900 },
  },
};
const buildOutcome = summarizeRuns(
  build,
  [12100, 11800, 12400].map((durationMs, i) => entry({ run: i + 1, runs: 3, durationMs, turbo })),
);
const testOutcome = summarizeRuns(test, [entry({ budget: 'test', command: 'pnpm test', exitCode: 1 })], {
  failure: { exitCode: 1, run: 1, tail: ['FAIL src/a.test.ts > adds', 'AssertionError: expected 3 to be 4'] },
});
const diagnostics = [
  ...budgetDiagnostics(build, buildOutcome, { file: 'harness.config.yaml', line: 12 }),
  ...budgetDiagnostics(test, testOutcome, { file: 'harness.config.yaml', line: 18 }),
];
const run: BudgetRunDocument = {
  version: 1,
  ok: false,
  checks: [{ name: 'budget', ok: false, durationMs: 40000 }],
  diagnostics,
  budgets: [buildOutcome, testOutcome],
};

const history = [9800, 10100, 9900, 10300, 10000, 13200].map((durationMs, i) =>
  entry({
    invocation: `i${i}`,
    commit: `${i}`.repeat(40),
    time: `2026-01-0${i + 1}T00:00:00.000Z`,
    durationMs,
    seconds: 20,
  }),
);
const report = createBudgetReport({ entries: history, budgets: [build, test] });

describe('budget reporters', () => {
  it('renders a run for a terminal', () => {
    expect(renderBudgetRun(run, 'pretty')).toMatchSnapshot();
  });

  it('renders a run as Markdown', () => {
    expect(renderBudgetRun(run, 'markdown')).toMatchSnapshot();
  });

  it('renders a run as workflow commands through the shared reporter', () => {
    expect(renderBudgetRun(run, 'github')).toContain(
      '::error file=harness.config.yaml,line=12,title=budget/task-over-budget::',
    );
  });

  it('renders the report for a terminal, with a sparkline only when asked', () => {
    const plain = renderBudgetReport(report, 'pretty');
    expect(plain).toMatchSnapshot();
    expect(plain).not.toContain('▁');
    expect(renderBudgetReport(report, 'pretty', { sparkline: true })).toContain('last 6: ▆▇▆▇▇█  9.80 s');
  });

  it('renders the report as Markdown with a Mermaid chart', () => {
    expect(renderBudgetReport(report, 'markdown')).toMatchSnapshot();
  });

  it('draws an SVG chart of the report', () => {
    const svg = renderSvgChart(report);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="480" height="120"/);
    expect(svg).toMatchSnapshot();
  });

  it('draws sparklines from low to high with gaps for failures', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 10.2, 9.9])).toBe('███');
    expect(sparkline([5, null, 5])).toBe('█ █');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });
});
