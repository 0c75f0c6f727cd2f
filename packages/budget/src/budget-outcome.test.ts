import { describe, expect, it } from 'vitest';
import { budgetDiagnostics, summarizeRuns } from './budget-outcome.js';
import { entry } from './history-entry.fixture.js';

const place = { file: 'harness.config.yaml', line: 7 };

describe('summarizeRuns and budgetDiagnostics', () => {
  it('passes a median at exactly the budget', () => {
    const budget = { name: 'build', command: 'pnpm build', seconds: 2 };
    const outcome = summarizeRuns(budget, [
      entry({ durationMs: 1000 }),
      entry({ run: 2, durationMs: 2000 }),
      entry({ run: 3, durationMs: 9000 }),
    ]);
    expect(outcome).toMatchObject({ runsMs: [1000, 2000, 9000], medianMs: 2000, ok: true });
    expect(budgetDiagnostics(budget, outcome, place)).toEqual([]);
  });

  it('fails a median over the budget with the slowest tasks in the fix', () => {
    const budget = { name: 'build', command: 'pnpm build', seconds: 1 };
    const turbo = {
      hit: 1,
      miss: 1,
      tasks: {
        'a#build': { ms: 1400, cache: 'MISS' as const },
        'b#build': { ms: 1, cache: 'HIT' as const, savedMs: 800 },
      },
    };
    const outcome = summarizeRuns(budget, [entry({ durationMs: 1500, turbo })]);
    expect(budgetDiagnostics(budget, outcome, place)).toEqual([
      {
        check: 'budget',
        rule: 'budget/over-budget',
        severity: 'error',
        file: 'harness.config.yaml',
        line: 7,
        message: 'budget "build": median 1.50 s of 1 run is over its 1 s budget by 0.50 s (+50%).',
        fix: 'Make `pnpm build` faster (slowest tasks: a#build 1.40 s MISS, b#build 0.00 s HIT), or raise `seconds` of budget "build" in harness.config.yaml if the new time is accepted.',
        docs: 'docs/rules/budget.md#over-budget',
      },
    ]);
  });

  it('fails a per-task budget by the task’s median and warns about a task that did not run', () => {
    const budget = { name: 'build', command: 'turbo run build', seconds: 60, tasks: { 'a#build': 1, 'c#biuld': 1 } };
    const runs = [1200, 900, 1100].map((ms, i) =>
      entry({
        run: i + 1,
        turbo: { hit: 0, miss: 2, tasks: { 'a#build': { ms, cache: 'MISS' }, 'c#build': { ms: 5, cache: 'MISS' } } },
      }),
    );
    const outcome = summarizeRuns(budget, runs);
    expect(outcome.turbo?.tasks[0]).toEqual({ id: 'a#build', medianMs: 1100, cache: 'MISS', seconds: 1, over: true });
    expect(budgetDiagnostics(budget, outcome, place).map((d) => [d.rule, d.severity, d.message])).toEqual([
      [
        'budget/task-over-budget',
        'error',
        'budget "build": turbo task a#build took 1.10 s (median, cache MISS), over its 1 s budget.',
      ],
      [
        'budget/task-missing',
        'warning',
        'budget "build": per-task budget "c#biuld" matches no task that `turbo run build` ran: did you mean "c#build"?',
      ],
    ]);
  });

  it('reads a failure back from the history with its exit code', () => {
    const budget = { name: 'test', command: 'pnpm test', seconds: 60 };
    const outcome = summarizeRuns(budget, [entry({ exitCode: 0 }), entry({ run: 2, exitCode: 2 })]);
    expect(outcome).toMatchObject({ ok: false, failure: { exitCode: 2, run: 2, tail: [] }, medianMs: 1000 });
    expect(budgetDiagnostics(budget, outcome, place)[0]?.message).toBe(
      'budget "test": `pnpm test` exited with code 2 in run 2',
    );
  });
});
