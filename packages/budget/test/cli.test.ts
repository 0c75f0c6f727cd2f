// End to end: the built `harness` bin with a clean environment.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, createRepo, harnessBin, headCommit } from './fixture-repo.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function harness(cwd: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [harnessBin, ...args], { cwd, env: cleanEnv() }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const twoBudgets =
  'version: 1\nbudgets:\n  - name: quick\n    command: sleep 0.05\n    seconds: 30\n    runs: 3\n  - name: broken\n    command: echo compiling; echo "src/a.ts(3,1) TS2322" >&2; exit 4\n    seconds: 30\n';

describe('harness budget', () => {
  it('exits 0 within budget and prints one JSON document', async () => {
    const dir = createRepo(twoBudgets);
    const result = await harness(dir, ['budget', 'quick', '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: unknown[];
      diagnostics: unknown[];
      budgets: { name: string; runsMs: number[]; commit: string }[];
    };
    expect(doc).toMatchObject({ version: 1, ok: true, checks: [{ name: 'budget', ok: true }], diagnostics: [] });
    expect(doc.budgets[0]).toMatchObject({ name: 'quick', commit: headCommit(dir) });
    expect(doc.budgets[0]?.runsMs).toHaveLength(3);
    expect(result.stderr).toBe('');
  });

  it('exits 1 on a failing command, showing its exit code and last output lines but not streaming', async () => {
    const dir = createRepo(twoBudgets);
    const result = await harness(dir, ['budget']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ exited with code 4 in run 1\n    │ compiling\n    │ src/a.ts(3,1) TS2322\n');
    expect(result.stdout).toContain('✖ 1 of 2 budgets failed');
    expect(result.stderr).toBe('');
    const verbose = await harness(dir, ['budget', 'broken', '--verbose']);
    expect(verbose.stderr).toBe('compiling\nsrc/a.ts(3,1) TS2322\n');
  });

  it('exits 1 over budget with the fix naming the config line', async () => {
    const dir = createRepo('version: 1\nbudgets:\n  - name: slow\n    command: sleep 0.3\n    seconds: 0.01\n');
    const result = await harness(dir, ['budget', '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=harness\.config\.yaml,line=5,title=budget\/over-budget::budget "slow": median \d+\.\d+ s of 1 run is over its 0\.01 s budget/,
    );
  });

  it('exits 2 on an unknown name, a missing budgets section, a bad --runs and a bad budget', async () => {
    const dir = createRepo(twoBudgets);
    const unknown = await harness(dir, ['budget', 'quik']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('unknown budget "quik": did you mean "quick"?');
    const runs = await harness(dir, ['budget', '--runs', 'x']);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('--runs takes a whole number, not "x"');
    const empty = await harness(createRepo('version: 1\n'), ['budget']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('error CONFIG_INVALID: no budgets in harness.config.yaml');
    const bad = await harness(
      createRepo('version: 1\nbudgets:\n  - name: report\n    command: "true"\n    seconds: -1\n'),
      ['budget'],
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('budgets.0.name');
    expect(bad.stderr).toContain('budgets.0.seconds');
  });
});

describe('harness budget report', () => {
  it('shows results per budget and warns when the latest median is over 1.25× the trailing median', async () => {
    const dir = createRepo('version: 1\nbudgets:\n  - name: nap\n    command: sleep 0.05\n    seconds: 30\n');
    for (let i = 0; i < 3; i++) expect((await harness(dir, ['budget'])).code).toBe(0);
    const steady = await harness(dir, ['budget', 'report']);
    expect(steady.code).toBe(0);
    expect(steady.stdout).toMatch(
      /^nap {2}budget 30 s\n {2}latest \d+\.\d+ s {3}trend: too few comparable results\n {2}last 3: \d+\.\d+ s, \d+\.\d+ s, \d+\.\d+ s\n$/,
    );

    writeFileSync(
      join(dir, 'harness.config.yaml'),
      'version: 1\nbudgets:\n  - name: nap\n    command: sleep 0.6\n    seconds: 30\n',
    );
    expect((await harness(dir, ['budget'])).code).toBe(0);
    const report = await harness(dir, ['budget', 'report', '--format', 'json']);
    const json = JSON.parse(report.stdout) as {
      budgets: { results: unknown[]; regression: boolean; change: number }[];
      diagnostics: { rule: string }[];
    };
    expect(json.budgets[0]?.results).toHaveLength(4);
    expect(json.budgets[0]?.regression).toBe(true);
    expect(json.diagnostics.map((d) => d.rule)).toEqual(['budget/regression']);

    const markdown = await harness(dir, ['budget', 'report', '--format', 'markdown', '--svg', 'chart.svg']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| budget | latest | budget | trailing median | trend | results |');
    expect(markdown.stdout).toMatch(/\| nap \| \d+\.\d+ s \| 30 s \| \d+\.\d+ s \| \+\d+% ⚠️ \|/);
    expect(markdown.stdout).toContain('```mermaid\nxychart-beta\n');
    expect(markdown.stdout).toContain('> [!WARNING]');
  });

  it('exits 2 for a budget that is neither configured nor recorded', async () => {
    const result = await harness(createRepo(twoBudgets), ['budget', 'report', 'brokn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "broken"?');
  });
});

describe('harness check with budgets', () => {
  it('skips budgets without a recorded result for HEAD, then judges the recorded one', async () => {
    const dir = createRepo('version: 1\nbudgets:\n  - name: slow\n    command: sleep 0.2\n    seconds: 0.01\n');
    const before = await harness(dir, ['check', 'budget', '--format', 'json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      ok: true,
      checks: [{ name: 'budget', skipped: expect.stringContaining('no recorded result for HEAD') }],
    });
    expect((await harness(dir, ['budget'])).code).toBe(1);
    const after = await harness(dir, ['check', '--format', 'json']);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout)).toMatchObject({
      ok: false,
      diagnostics: [{ rule: 'budget/over-budget', file: 'harness.config.yaml', line: 5 }],
    });
  });
});
