import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createGitPathFilter, insideRoot } from './git-paths.js';

describe('insideRoot', () => {
  it('accepts normalized repository paths only', () => {
    expect(['src/a.ts', 'docs/', 'a', '.github/x.yml'].map(insideRoot)).toEqual([true, true, true, true]);
    expect(
      ['', '/src/a.ts', '../a', 'src/../../outside.ts', 'src/./a', 'a//b', '..', '.', 'a\0b'].map(insideRoot),
    ).toEqual(Array(9).fill(false));
  });
});

describe('createGitPathFilter', () => {
  it('keeps plain paths, asks about the link instead of a path under it, and refuses paths leaving the root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'harness-git-paths-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    await mkdir(join(root, 'src/deep'), { recursive: true });
    await symlink('/', join(root, 'src/root-link'));
    const filter = createGitPathFilter(root, new Set(['src/a.ts', 'vendor/sub']));
    expect(filter('src/deep/missing.ts')).toBe('src/deep/missing.ts');
    expect(filter('src/missing/folder/')).toBe('src/missing/folder/');
    expect(filter('src/root-link/etc/passwd')).toBe('src/root-link');
    expect(filter('src/root-link/')).toBe('src/root-link');
    expect(filter('vendor/sub/x.ts')).toBe('vendor/sub');
    expect(filter('src/../../outside.ts')).toBeUndefined();
    expect(filter('/etc/passwd')).toBeUndefined();
  });
});
