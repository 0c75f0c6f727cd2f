// The git adapter with several issues at once: worktrees of one repository share its config and
// refs, and git fails with "could not lock" when two commands write them at the same moment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitAdapter } from '../src/git-adapter.js';
import { createOrigin, git } from './factory-fixture.js';

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
});
