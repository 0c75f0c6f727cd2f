import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertInsideRoot } from './inside-root.js';
import { writeFileInside } from './write-inside.js';

const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-inside-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('assertInsideRoot', () => {
  it('accepts plain paths, new folders and symlinks that stay inside', async () => {
    const root = temp();
    mkdirSync(join(root, 'real'));
    symlinkSync('real', join(root, 'alias'));
    await assertInsideRoot(root, 'a.txt');
    await assertInsideRoot(root, 'new/deep/a.txt');
    await assertInsideRoot(root, 'alias/a.txt');
    await assertInsideRoot(root, '..harness/a.txt');
  });

  it.each([
    ['`..` out of the repository', '../x.txt', () => undefined],
    ['an absolute path elsewhere', '/etc/x.txt', () => undefined],
    [
      'a file symlink out',
      'out.txt',
      (root: string, outside: string) => symlinkSync(join(outside, 'v.txt'), join(root, 'out.txt')),
    ],
    ['a folder symlink out', 'dir/x.txt', (root: string, outside: string) => symlinkSync(outside, join(root, 'dir'))],
    ['a symlink to /', 'slash/tmp/x.txt', (root: string) => symlinkSync('/', join(root, 'slash'))],
    [
      'a dangling symlink out',
      'gone.txt',
      (root: string, outside: string) => symlinkSync(join(outside, 'missing/new.txt'), join(root, 'gone.txt')),
    ],
    [
      'a symlink loop',
      'loop/x.txt',
      (root: string) => (symlinkSync('loop2', join(root, 'loop')), symlinkSync('loop', join(root, 'loop2'))),
    ],
  ])('refuses %s with IO_FAILED', async (_name, path, arrange) => {
    const root = temp();
    const outside = temp();
    arrange(root, outside);
    await expect(assertInsideRoot(root, path)).rejects.toMatchObject({ code: 'IO_FAILED' });
  });

  it('writeFileInside writes nothing through a symlink out', async () => {
    const root = temp();
    const outside = temp();
    writeFileSync(join(outside, 'v.txt'), 'keep');
    symlinkSync(join(outside, 'v.txt'), join(root, 'out.txt'));
    await expect(writeFileInside(root, 'out.txt', 'overwritten')).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readFileSync(join(outside, 'v.txt'), 'utf8')).toBe('keep');
    await writeFileInside(root, 'in/a.txt', 'ok');
    expect(readFileSync(join(root, 'in/a.txt'), 'utf8')).toBe('ok');
  });
});
