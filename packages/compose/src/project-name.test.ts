import { describe, expect, it } from 'vitest';
import { sharedProjectName, slugify, worktreeProjectName } from './project-name.js';

const valid = /^[a-z0-9][a-z0-9_-]*$/;

describe('worktreeProjectName', () => {
  it('names the repository, the worktree folder and a hash of its path', () => {
    expect(worktreeProjectName('shop', '/src/shop-wt/fix-login')).toMatch(/^shop-fix-login-[0-9a-f]{6}$/);
  });

  it('is stable for one path', () => {
    expect(worktreeProjectName('shop', '/a/b')).toBe(worktreeProjectName('shop', '/a/b'));
  });

  it('tells apart two worktrees with the same folder name', () => {
    expect(worktreeProjectName('shop', '/one/head')).not.toBe(worktreeProjectName('shop', '/two/head'));
  });

  it.each([
    ['My.Repo', '/x/Feature_Branch'],
    ['-dash', '/x/--lead'],
    ['ünïcode', '/x/日本'],
    ['a'.repeat(80), `/x/${'b'.repeat(80)}`],
  ])('is a valid Compose v2 name for %s + %s', (repo, path) => {
    const name = worktreeProjectName(repo, path);
    expect(name).toMatch(valid);
    expect(name.length).toBeLessThanOrEqual(64);
  });

  it('falls back to placeholders when nothing readable is left', () => {
    expect(worktreeProjectName('日本', '/x/日本')).toMatch(/^repo-worktree-[0-9a-f]{6}$/);
  });
});

describe('sharedProjectName', () => {
  it('is per repository, not per worktree', () => {
    expect(sharedProjectName('shop', '/src/shop/.git')).toMatch(/^shop-shared-[0-9a-f]{6}$/);
    expect(sharedProjectName('shop', '/src/shop/.git')).not.toBe(sharedProjectName('shop', '/other/shop/.git'));
  });
});

describe('slugify', () => {
  it('keeps lower-case letters, digits, _ and -', () => {
    expect(slugify('Feature/ABC.1__x')).toBe('feature-abc-1__x');
  });
});
