// The budget's adapters on hostile ground: huge git output, a missing git, output without line
// ends, and a history file that is a symlink out of the repository.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendHistoryEntry, readGitState, readHistory, runCommand } from '../src/index.js';
import { entry } from '../src/history-entry.fixture.js';
import { cleanEnv, createRepo } from './fixture-repo.js';

const made: string[] = [];
const track = (dir: string) => (made.push(dir), dir);
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readGitState', () => {
  it('says dirty when the changed files would print megabytes of `git status`', async () => {
    const dir = track(createRepo('version: 1\n'));
    // 8,000 tracked files with 200-character names, none of them in the work tree: 1.6 MB of " D name".
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: dir,
      input: 'x\n',
      encoding: 'utf8',
    }).trim();
    const index = Array.from(
      { length: 8000 },
      (_, i) => `100644 ${blob}\t${'d'.repeat(100)}/${String(i).padStart(100, 'f')}`,
    ).join('\n');
    execFileSync('git', ['update-index', '--index-info'], { cwd: dir, input: `${index}\n` });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'many'], {
      cwd: dir,
    });
    const state = await readGitState(dir, cleanEnv());
    expect(state.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(state.dirty).toBe(true);
  });

  it('is TOOL_MISSING with the install fix when git cannot be started', async () => {
    const dir = track(createRepo('version: 1\n'));
    await expect(readGitState(dir, { PATH: join(dir, 'no-bin') })).rejects.toMatchObject({
      code: 'TOOL_MISSING',
      fix: expect.stringContaining('Install git'),
    });
  });
});

describe('runCommand', () => {
  it('keeps memory bounded for megabytes of output without a line end, and says it cut the line', async () => {
    const dir = track(mkdtempSync(join(tmpdir(), 'harness-budget-run-')));
    const lines: number[] = [];
    const command = `"${process.execPath}" -e "process.stdout.write('x'.repeat(8 * 1024 * 1024))"`;
    const result = await runCommand({ command, cwd: dir, env: cleanEnv(), onLine: (line) => lines.push(line.length) });
    expect(result.exitCode).toBe(0);
    expect(lines.length).toBe(1);
    expect(lines[0]).toBeLessThan(100_000);
    expect(result.tail).toHaveLength(1);
    expect(result.tail[0]?.length).toBeLessThan(1000);
    expect(result.tail[0]).toContain('…');
  });

  it('is TOOL_MISSING naming the folder when the command cannot be started there', async () => {
    const dir = track(mkdtempSync(join(tmpdir(), 'harness-budget-run-')));
    await expect(runCommand({ command: 'true', cwd: join(dir, 'gone'), env: cleanEnv() })).rejects.toMatchObject({
      code: 'TOOL_MISSING',
    });
  });
});

describe('appendHistoryEntry', () => {
  it('refuses a history file that is a symlink out of the repository, and writes nothing there', async () => {
    const dir = track(createRepo('version: 1\n'));
    const outside = track(mkdtempSync(join(tmpdir(), 'harness-outside-')));
    writeFileSync(join(outside, 'victim.txt'), 'keep\n');
    mkdirSync(join(dir, '.harness/budget'), { recursive: true });
    symlinkSync(join(outside, 'victim.txt'), join(dir, '.harness/budget/history.jsonl'));
    await expect(appendHistoryEntry(dir, entry({ run: 1 }))).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep\n');
  });

  it('refuses a history folder that is a symlink out of the repository', async () => {
    const dir = track(createRepo('version: 1\n'));
    const outside = track(mkdtempSync(join(tmpdir(), 'harness-outside-')));
    symlinkSync(outside, join(dir, '.harness'));
    await expect(appendHistoryEntry(dir, entry({ run: 1 }))).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(() => lstatSync(join(outside, 'budget'))).toThrow();
  });

  it('still appends through a symlink that stays inside the repository', async () => {
    const dir = track(createRepo('version: 1\n'));
    mkdirSync(join(dir, 'kept'));
    mkdirSync(join(dir, '.harness'));
    symlinkSync('../kept', join(dir, '.harness/budget'));
    await appendHistoryEntry(dir, entry({ run: 1 }));
    await appendHistoryEntry(dir, entry({ run: 2 }));
    expect((await readHistory(dir)).entries.map((e) => e.run)).toEqual([1, 2]);
  });
});
