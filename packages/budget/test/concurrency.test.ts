import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../src/index.js';
import { cleanEnv, createRepo, harnessBin } from './fixture-repo.js';

const run = promisify(execFile);
const appender = new URL('fixtures/append-history.mjs', import.meta.url).pathname;

describe('history appends from concurrent processes', () => {
  it('keeps every line whole and every run recorded when two processes append thousands of multi-KB lines at once', async () => {
    expect(
      existsSync(new URL('../dist/index.js', import.meta.url)),
      'build first: pnpm turbo run build --filter agent-harness-budget',
    ).toBe(true);
    const dir = createRepo('version: 1\n');
    const count = 1500;
    await Promise.all(['alpha', 'beta'].map((label) => run(process.execPath, [appender, dir, label, String(count)])));
    const { entries, badLines } = await readHistory(dir);
    expect(badLines).toEqual([]);
    for (const label of ['alpha', 'beta']) {
      const runs = entries.filter((e) => e.budget === label).map((e) => e.run);
      expect(runs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    // Whether the two writers' lines happen to alternate is the scheduler's business, not a property
    // of the history: what must hold is above (no torn line, every run of both recorded in order).
  });

  it('records every run of two `harness budget` processes run at once on one repository', async () => {
    const dir = createRepo(
      'version: 1\nbudgets:\n  - name: one\n    command: "true"\n    seconds: 60\n  - name: two\n    command: "true"\n    seconds: 60\n',
    );
    const options = { cwd: dir, env: cleanEnv() };
    await Promise.all([
      run(process.execPath, [harnessBin, 'budget', 'one', '--runs', '25'], options),
      run(process.execPath, [harnessBin, 'budget', 'two', '--runs', '25'], options),
    ]);
    const { entries, badLines } = await readHistory(dir);
    expect(badLines).toEqual([]);
    expect(entries.filter((e) => e.budget === 'one')).toHaveLength(25);
    expect(entries.filter((e) => e.budget === 'two')).toHaveLength(25);
  });
});
