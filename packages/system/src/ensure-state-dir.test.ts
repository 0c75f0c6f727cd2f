import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureStateDir, stateDirIgnore } from './ensure-state-dir.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-state-dir-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ensureStateDir', () => {
  it('creates the folder with a .gitignore of `*`, so git sees nothing in it, not even the .gitignore', async () => {
    const root = temp();
    execFileSync('git', ['init', '-q'], { cwd: root });
    const dir = join(root, '.harness', 'cache');
    await ensureStateDir(dir);
    writeFileSync(join(dir, 'docs.json'), '{}');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(stateDirIgnore);
    expect(stateDirIgnore.split('\n')).toContain('*');
    expect(
      execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' }),
    ).toBe('');
  });

  it('never overwrites a .gitignore that is there, and is idempotent', async () => {
    const dir = join(temp(), 'state');
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    await ensureStateDir(dir);
    await ensureStateDir(dir);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['.gitignore']);
  });

  it('does not write through a .gitignore that is a symbolic link', async () => {
    const root = temp();
    const dir = join(root, 'state');
    mkdirSync(dir);
    symlinkSync(join(root, 'outside.txt'), join(dir, '.gitignore'));
    await ensureStateDir(dir);
    expect(readdirSync(root).sort()).toEqual(['state']);
  });
});
