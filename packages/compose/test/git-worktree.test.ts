import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveWorktrees } from '../src/git-worktree.js';

let base: string;
let main: string;
const git = (args: string[]) => execFileSync('git', args, { cwd: main, stdio: 'pipe' });

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-worktrees-')));
  main = join(base, 'main');
  execFileSync('git', ['init', '-q', '-b', 'main', main]);
  git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init']);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('liveWorktrees', () => {
  it('drops a worktree deleted with rm -rf (git still lists it, as prunable), keeps a locked one', async () => {
    for (const name of ['kept', 'deleted', 'locked']) git(['worktree', 'add', '-q', '--detach', join(base, name)]);
    rmSync(join(base, 'deleted'), { recursive: true });
    git(['worktree', 'lock', join(base, 'locked')]);
    rmSync(join(base, 'locked'), { recursive: true });
    expect(execFileSync('git', ['worktree', 'list'], { cwd: main, encoding: 'utf8' })).toContain(join(base, 'deleted'));
    expect([...(await liveWorktrees(main))].sort()).toEqual([join(base, 'kept'), join(base, 'locked'), main].sort());
  });

  it('drops a folder made again where a deleted worktree was: it is no worktree', async () => {
    git(['worktree', 'add', '-q', '--detach', join(base, 'again')]);
    rmSync(join(base, 'again', '.git'));
    expect([...(await liveWorktrees(main))]).toEqual([main]);
  });
});
