import { describe, expect, it } from 'vitest';
import { createBudgetReport } from './budget-report.js';
import { entry, machine } from './history-entry.fixture.js';

const budgets = [{ name: 'build', command: 'pnpm build', seconds: 60 }];
/** One invocation per median, a minute apart, each with one run. */
const results = (medians: number[], fields = {}) =>
  medians.map((ms, i) =>
    entry({
      invocation: `i${i}`,
      time: `2026-01-01T00:${String(i).padStart(2, '0')}:00.000Z`,
      durationMs: ms,
      ...fields,
    }),
  );

describe('createBudgetReport', () => {
  it('takes each invocation’s median and keeps the last N results, oldest first', () => {
    const entries = [
      entry({ invocation: 'a', time: '2026-01-01T00:00:00.000Z', run: 1, runs: 3, durationMs: 900 }),
      entry({ invocation: 'a', time: '2026-01-01T00:00:01.000Z', run: 2, runs: 3, durationMs: 1500 }),
      entry({ invocation: 'a', time: '2026-01-01T00:00:02.000Z', run: 3, runs: 3, durationMs: 1000 }),
      ...results([2000, 3000, 4000]).map((e) => ({ ...e, time: e.time.replace('00:0', '01:0') })),
    ];
    const report = createBudgetReport({ entries, budgets, last: 3 });
    expect(report.budgets[0]?.results.map((r) => r.medianMs)).toEqual([2000, 3000, 4000]);
    expect(createBudgetReport({ entries, budgets }).budgets[0]?.results[0]).toMatchObject({ medianMs: 1000, runs: 3 });
  });

  it('warns when the latest median is over 1.25× the trailing median, and not at exactly 1.25×', () => {
    const over = createBudgetReport({ entries: results([1000, 1100, 900, 1260]), budgets });
    expect(over.budgets[0]).toMatchObject({ latestMs: 1260, trailingMs: 1000, regression: true });
    expect(over.budgets[0]?.change).toBeCloseTo(0.26);
    expect(over.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'budget/regression',
        severity: 'warning',
        docs: 'docs/rules/budget.md#regression',
      }),
    ]);
    const edge = createBudgetReport({ entries: results([1000, 1000, 1000, 1250]), budgets });
    expect(edge.budgets[0]?.regression).toBe(false);
    expect(edge.diagnostics).toEqual([]);
  });

  it('needs three earlier comparable results: same machine, same turbo cache state, not failed', () => {
    const other = { ...machine, cores: 64 };
    const entries = [
      ...results([1000, 1000]),
      entry({ invocation: 'x', time: '2026-01-01T00:02:00.000Z', durationMs: 500, machine: other }),
      entry({ invocation: 'y', time: '2026-01-01T00:03:00.000Z', durationMs: 500, exitCode: 1 }),
      entry({
        invocation: 'z',
        time: '2026-01-01T00:04:00.000Z',
        durationMs: 500,
        turbo: { hit: 2, miss: 0, tasks: {} },
      }),
      entry({ invocation: 'last', time: '2026-01-01T00:05:00.000Z', durationMs: 5000 }),
    ];
    const [build] = createBudgetReport({ entries, budgets }).budgets;
    expect(build?.results.map((r) => r.medianMs)).toEqual([1000, 1000, 500, null, 500, 5000]);
    expect(build).toMatchObject({ trailingMs: null, change: null, regression: false });
  });

  it('lists configured budgets without results and recorded budgets no longer configured', () => {
    const report = createBudgetReport({ entries: results([1000], { budget: 'old', command: 'make old' }), budgets });
    expect(report.budgets.map((b) => [b.name, b.seconds, b.command, b.results.length])).toEqual([
      ['build', 60, 'pnpm build', 0],
      ['old', null, 'make old', 1],
    ]);
  });
});
