import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from 'agent-harness-config';
import { describe, expect, it, vi } from 'vitest';
import type { BudgetProgress } from '../src/index.js';
import { readHistory, runBudgets } from '../src/index.js';
import { cleanEnv, createRepo, headCommit } from './fixture-repo.js';

async function run(dir: string, extra: Partial<Parameters<typeof runBudgets>[0]> = {}) {
  const loaded = await loadConfig({ cwd: dir });
  return runBudgets({
    root: loaded.root,
    config: loaded.config,
    configPath: loaded.path ?? '',
    env: cleanEnv(),
    ...extra,
  });
}

/**
 * A clock under which each command takes the next of `durations` (ms): the runner reads it twice a
 * run, when the command starts and when it exits. Durations are the test's, not the machine's.
 */
function commandClock(durations: number[]): () => number {
  let now = 0;
  let readings = 0;
  return () => {
    readings += 1;
    if (readings % 2 === 0) now += durations.shift() ?? 0;
    return now;
  };
}

describe('runBudgets with real commands', () => {
  it('takes the median of --runs, records one history line per run, and skips warm-up runs in the history', async () => {
    const dir = createRepo('version: 1\nbudgets:\n  - name: nap\n    command: "true"\n    seconds: 30\n');
    const events: BudgetProgress[] = [];
    const clock = commandClock([500, 300, 100, 200]);
    const doc = await run(dir, { runs: 3, warmup: 1, onProgress: (e) => events.push(e), clock });
    expect(doc.ok).toBe(true);
    const [nap] = doc.budgets;
    expect(nap?.warmupMs).toEqual([500]);
    expect(nap?.runsMs).toEqual([300, 100, 200]);
    expect(nap?.medianMs).toBe(200);
    expect(events.map((e) => `${e.kind} ${e.warmup ? 'w' : 'r'}${e.run}/${e.runs}`)).toEqual([
      'start w1/1',
      'end w1/1',
      'start r1/3',
      'end r1/3',
      'start r2/3',
      'end r2/3',
      'start r3/3',
      'end r3/3',
    ]);
    const { entries, badLines } = await readHistory(dir);
    expect(badLines).toEqual([]);
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.run)).toEqual([1, 2, 3]);
    expect(new Set(entries.map((e) => e.invocation)).size).toBe(1);
    expect(entries[0]).toMatchObject({
      v: 1,
      budget: 'nap',
      runs: 3,
      commit: headCommit(dir),
      branch: 'main',
      dirty: false,
      command: 'true',
      durationMs: 300,
      seconds: 30,
      exitCode: 0,
      machine: { os: process.platform, ci: false },
    });
    expect(entries[0]?.machine.cores).toBeGreaterThan(0);
  });

  it('fails a budget whose median is over its seconds, pointing at the line of its seconds', async () => {
    const dir = createRepo('version: 1\nbudgets:\n  - name: slow\n    command: "true"\n    seconds: 0.05\n');
    const doc = await run(dir, { clock: commandClock([300]) });
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'budget/over-budget',
        severity: 'error',
        file: 'harness.config.yaml',
        line: 5,
        docs: 'docs/rules/budget.md#over-budget',
      }),
    ]);
    expect(doc.diagnostics[0]?.message).toMatch(
      /^budget "slow": median 0\.30 s of 1 run is over its 0\.05 s budget by/,
    );
  });

  it('stops at a failing command and shows its exit code and last output lines', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: broken\n    command: for i in 1 2 3 4 5; do echo line $i; done; echo "TS2322 x.ts" >&2; exit 7\n    seconds: 60\n    runs: 3\n',
    );
    const doc = await run(dir);
    expect(doc.ok).toBe(false);
    expect(doc.budgets[0]?.failure).toEqual({
      exitCode: 7,
      run: 1,
      tail: ['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'TS2322 x.ts'],
    });
    expect(doc.diagnostics.map((d) => d.rule)).toEqual(['budget/command-failed']);
    expect(doc.diagnostics[0]?.message).toContain('exited with code 7 in run 1; last output: TS2322 x.ts');
    const { entries } = await readHistory(dir);
    expect(entries.map((e) => e.exitCode)).toEqual([7]);
  });

  it('streams output only when asked to', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: talk\n    command: echo hello from the build\n    seconds: 60\n',
    );
    let streamed = '';
    await run(dir, { onOutput: (chunk) => (streamed += chunk) });
    expect(streamed).toBe('hello from the build\n');
  });

  it('runs only the named budgets and rejects an unknown name with a suggestion before running anything', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: build\n    command: "true"\n    seconds: 60\n  - name: test\n    command: "false"\n    seconds: 60\n',
    );
    const doc = await run(dir, { names: ['build'] });
    expect(doc.budgets.map((b) => b.name)).toEqual(['build']);
    await expect(run(dir, { names: ['biuld'] })).rejects.toThrow('unknown budget "biuld": did you mean "build"?');
    expect((await readHistory(dir)).entries).toHaveLength(1);
  });

  it('kills the whole process group when interrupted', async () => {
    const marker = `sleep 3${Math.floor(Math.random() * 1000)}`;
    const dir = createRepo(
      `version: 1\nbudgets:\n  - name: hang\n    command: ${marker} & ${marker}; wait\n    seconds: 60\n`,
    );
    const sleeping = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.trim() === marker).length;
    const abort = new AbortController();
    // Abort once both sleeps really run (an event, not a guess at how long a start takes).
    const bothStarted = new Promise<void>((resolve) => {
      const look = () => (sleeping() === 2 ? resolve() : setTimeout(look, 10));
      look();
    });
    const started = run(dir, {
      signal: abort.signal,
      onProgress: (e) => e.kind === 'start' && void bothStarted.then(() => abort.abort()),
    });
    await expect(started).rejects.toMatchObject({ code: 'INTERRUPTED' });
    expect((await readHistory(dir)).entries).toHaveLength(0);
    // The command's pipes closed, so its processes exited; ps may list them until they are reaped.
    await vi.waitFor(() => expect(sleeping()).toBe(0), { timeout: 10_000, interval: 20 });
  });
});

describe('runBudgets with turbo', () => {
  const config = (command: string) =>
    `version: 1\nbudgets:\n  - name: build\n    command: ${command}\n    seconds: 60\n    tasks:\n      "@fx/lib#build": 0.2\n      "@fx/app#build": 30\n`;

  it('attributes time per task with cache status and fails a per-task budget naming the task', async () => {
    const dir = createRepo(config('npx turbo run build'), { turbo: true });
    const cold = await run(dir);
    expect(cold.ok).toBe(false);
    const tasks = cold.budgets[0]?.turbo?.tasks ?? [];
    // Slowest first; which one that is depends on the machine's load, so the order is asserted as a property.
    expect(tasks.map((t) => t.medianMs)).toEqual(tasks.map((t) => t.medianMs).sort((a, b) => b - a));
    expect(tasks.map((t) => [t.id, t.cache]).sort()).toEqual([
      ['@fx/app#build', 'MISS'],
      ['@fx/lib#build', 'MISS'],
    ]);
    expect(cold.diagnostics.map((d) => d.rule)).toEqual(['budget/task-over-budget']);
    expect(cold.diagnostics[0]?.message).toContain('turbo task @fx/lib#build took');
    expect(cold.diagnostics[0]?.message).toContain('over its 0.2 s budget');
    // The summaries harness asked for are read and removed, not left to pile up.
    expect(existsSync(join(dir, '.turbo/runs')) ? readdirSync(join(dir, '.turbo/runs')) : []).toEqual([]);

    const warm = await run(dir);
    expect(warm.ok).toBe(true);
    expect(warm.budgets[0]?.turbo).toMatchObject({ hit: 2, miss: 0 });
    const { entries } = await readHistory(dir);
    expect(entries.map((e) => e.turbo && [e.turbo.hit, e.turbo.miss])).toEqual([
      [0, 2],
      [2, 0],
    ]);
    expect(entries[1]?.turbo?.tasks['@fx/lib#build']).toMatchObject({ cache: 'HIT' });
    expect(entries[1]?.turbo?.tasks['@fx/lib#build']?.savedMs).toBeGreaterThanOrEqual(300);
  });

  it('finds turbo behind a package script and warns about a per-task budget that matches no task', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: build\n    command: npm run build --silent\n    seconds: 60\n    tasks:\n      "@fx/lib#biuld": 5\n',
      { turbo: true },
    );
    const doc = await run(dir);
    expect(doc.budgets[0]?.turbo?.tasks).toHaveLength(2);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'budget/task-missing',
        severity: 'warning',
        message: expect.stringContaining('did you mean "@fx/lib#build"?'),
      }),
    ]);
    expect(doc.ok).toBe(true);
  });

  it('names the turbo task that failed', async () => {
    const dir = createRepo(config('npx turbo run build'), { turbo: true });
    writeFileSync(
      join(dir, 'packages/lib/package.json'),
      JSON.stringify({ name: '@fx/lib', version: '1.0.0', scripts: { build: 'echo lib is broken; exit 3' } }),
    );
    const doc = await run(dir);
    expect(doc.budgets[0]?.failure).toMatchObject({ run: 1, failedTasks: ['@fx/lib#build'] });
    // The failed task's own lines, not turbo's summary after them.
    expect(doc.budgets[0]?.failure?.tail).toContain('@fx/lib:build: lib is broken');
    expect(doc.budgets[0]?.failure?.tail.every((line) => line.startsWith('@fx/lib:build: '))).toBe(true);
    expect(doc.diagnostics.map((d) => d.rule)).toEqual(['budget/command-failed']);
    expect(doc.diagnostics[0]?.message).toContain('in run 1 (turbo task @fx/lib#build failed)');
    const { entries } = await readHistory(dir);
    expect(entries[0]?.turbo?.tasks['@fx/lib#build']).toMatchObject({ cache: 'MISS', exitCode: 3 });
  });

  it('fails per-task budgets when the command writes no turbo summary', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: build\n    command: "true"\n    seconds: 60\n    tasks:\n      "a#build": 5\n',
    );
    const doc = await run(dir);
    expect(doc.diagnostics.map((d) => d.rule)).toEqual(['budget/no-turbo-summary']);
    expect(doc.ok).toBe(false);
  });
});
