// The git adapter with several issues at once: worktrees of one repository share its config and
// refs, and git fails with "could not lock" when two commands write them at the same moment.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitAdapter } from '../src/git-adapter.js';
import { createOrigin, git } from './factory-fixture.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('git adapter', () => {
  it('makes, commits and pushes six worktrees at once without a lock collision', async () => {
    const { origin, root } = createOrigin('factory-git-');

    const adapter = createGitAdapter();
    const issues = [1, 2, 3, 4, 5, 6];
    await Promise.all(
      issues.map(async (n) => {
        const worktree = join(root, '.harness', 'worktrees', `issue-${n}`);
        await adapter.prepareWorktree(root, worktree, `harness/issue-${n}`, 'main');
        writeFileSync(join(worktree, `issue-${n}.txt`), `${n}\n`);
        await adapter.commitAll(worktree, `Issue ${n}`);
        await adapter.push(worktree, `harness/issue-${n}`);
        await adapter.aheadBehind(worktree, 'main');
      }),
    );
    for (const n of issues) expect(git(origin, 'show', `harness/issue-${n}:issue-${n}.txt`)).toBe(String(n));
  });

  it('refuses a worktree path that a symlink takes out of the repository, before any git command', async () => {
    const { base, root } = createOrigin('factory-git-');
    made.push(base);
    const outside = mkdtempSync(join(tmpdir(), 'factory-outside-'));
    try {
      mkdirSync(join(root, '.harness'), { recursive: true });
      symlinkSync(outside, join(root, '.harness', 'worktrees'));
      const adapter = createGitAdapter();
      await expect(
        adapter.prepareWorktree(root, join(root, '.harness', 'worktrees', 'issue-1'), 'harness/issue-1', 'main'),
      ).rejects.toMatchObject({ code: 'IO_FAILED' });
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never hands git a base branch it would read as an option', async () => {
    const { base, root } = createOrigin('factory-git-');
    made.push(base);
    const marker = join(root, 'pwned');
    const adapter = createGitAdapter();
    await expect(adapter.aheadBehind(root, `--upload-pack=touch ${marker};`)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    await expect(adapter.prepareWorktree(root, join(root, '.harness', 'w'), 'b', '--help')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('is TOOL_MISSING when git cannot be started', async () => {
    const { base, root } = createOrigin('factory-git-');
    made.push(base);
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-bin');
    try {
      await expect(createGitAdapter().head(root)).rejects.toMatchObject({ code: 'TOOL_MISSING' });
    } finally {
      process.env.PATH = path;
    }
  });
});
