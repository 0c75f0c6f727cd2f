// The git adapter: which worktree we are in, the repository's common dir shared by
// all its worktrees, and which worktrees still exist.
// Spec: https://git-scm.com/docs/git-rev-parse (--show-toplevel, --git-common-dir,
// --path-format), https://git-scm.com/docs/git-worktree#_porcelain_format
import { realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { runProcess } from './run-process.js';

export interface WorktreeInfo {
  /** The worktree's root, real path (symlinks resolved). */
  worktree: string;
  /** git's common dir (`<main>/.git` for every worktree of one repository), real path. */
  commonDir: string;
  /** A readable repository name: the main worktree's folder, or a bare repo's name. */
  repoName: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const result = await runProcess('git', args, { cwd });
  if (result.missing) {
    throw new HarnessError('TOOL_MISSING', 'git is not installed', { fix: 'Install git (e.g. `sudo apt-get install git`).' });
  }
  if (result.code !== 0) {
    throw new HarnessError('GIT_FAILED', `git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim()}`, {
      fix: 'Run harness inside a git worktree of the repository whose stack you want.',
    });
  }
  return result.stdout.trim();
}

export async function readWorktree(cwd: string): Promise<WorktreeInfo> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  const common = await git(cwd, ['rev-parse', '--git-common-dir']);
  const commonDir = realpathSync(resolve(cwd, common));
  return { worktree: realpathSync(top), commonDir, repoName: repoNameOf(commonDir) };
}

/** `/src/app/.git` → `app`; a bare `/srv/app.git` → `app`. */
export function repoNameOf(commonDir: string): string {
  const name = basename(commonDir);
  if (name === '.git') return basename(dirname(commonDir));
  return name.replace(/\.git$/, '');
}

/** The paths of every worktree git knows for this repository (real paths where they exist). */
export async function listWorktrees(cwd: string): Promise<string[]> {
  const porcelain = await git(cwd, ['worktree', 'list', '--porcelain']);
  return porcelain
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => {
      const path = line.slice('worktree '.length);
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    });
}
