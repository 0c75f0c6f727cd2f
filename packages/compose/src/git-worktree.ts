// Which worktree we are in, the repository's common dir shared by
// all its worktrees, and which worktrees still exist.
// Spec: https://git-scm.com/docs/git-rev-parse (--show-toplevel, --git-common-dir,
// --path-format), https://git-scm.com/docs/git-worktree#_porcelain_format
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gitLine } from 'agent-harness-system';

export interface WorktreeInfo {
  /** The worktree's root, real path (symlinks resolved). */
  worktree: string;
  /** git's common dir (`<main>/.git` for every worktree of one repository), real path. */
  commonDir: string;
  /** A readable repository name: the main worktree's folder, or a bare repo's name. */
  repoName: string;
}

/** git's trimmed stdout, through the shared adapter of agent-harness-system (no prompts, bounded, exit code checked). */
function git(cwd: string, args: string[]): Promise<string> {
  return gitLine(cwd, args, { fix: 'Run harness inside a git worktree of the repository whose stack you want.' });
}

export async function readWorktree(cwd: string): Promise<WorktreeInfo> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  const common = await git(cwd, ['rev-parse', '--git-common-dir']);
  const commonDir = realpathSync(resolve(cwd, common));
  return { worktree: realpathSync(top), commonDir, repoName: repoNameOf(commonDir) };
}

/** `/src/app/.git` → `app`; a bare `/srv/app.git` → `app`. */
function repoNameOf(commonDir: string): string {
  const name = basename(commonDir);
  if (name === '.git') return basename(dirname(commonDir));
  return name.replace(/\.git$/, '');
}

interface ListedWorktree {
  /** As git recorded it; the real path where it exists. */
  path: string;
  /** Git would prune it: its folder (or the folder's `.git` file) is gone. */
  prunable: boolean;
  /** `git worktree lock`: kept by git even while its folder is missing (a removable drive). */
  locked: boolean;
}

/** Every worktree git knows for this repository, from `git worktree list --porcelain`. */
async function listWorktrees(cwd: string): Promise<ListedWorktree[]> {
  const porcelain = await git(cwd, ['worktree', 'list', '--porcelain']);
  // Records are separated by a blank line; each starts with `worktree <path>`.
  return porcelain
    .split(/\n\s*\n/)
    .map((record) => record.split('\n'))
    .filter((lines) => lines[0]?.startsWith('worktree ') === true)
    .map((lines) => {
      const path = (lines[0] ?? '').slice('worktree '.length);
      let real = path;
      try {
        real = realpathSync(path);
      } catch {
        // gone
      }
      const has = (word: string) => lines.some((line) => line === word || line.startsWith(`${word} `));
      return { path: real, prunable: has('prunable'), locked: has('locked') };
    });
}

/**
 * The worktrees whose stacks stay: listed by git and present, or locked. A worktree deleted with
 * `rm -rf` is still listed (as prunable) until `git worktree prune`, so being listed is not enough.
 */
export async function liveWorktrees(cwd: string): Promise<Set<string>> {
  const live = (await listWorktrees(cwd)).filter((w) => w.locked || (!w.prunable && existsSync(join(w.path, '.git'))));
  return new Set(live.map((w) => w.path));
}
