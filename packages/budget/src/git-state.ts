// The git adapter: which commit and branch a measurement belongs to.
// Spec: https://git-scm.com/docs/git-rev-parse, https://git-scm.com/docs/git-symbolic-ref,
// https://git-scm.com/docs/git-status#_porcelain_format_version_1
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitState {
  /** HEAD's full sha; null outside a git repository or before the first commit. */
  commit: string | null;
  /** The checked-out branch; on a detached HEAD (CI checkouts) the CI's branch variable. */
  branch: string | null;
  /** Tracked files differ from HEAD, so the measurement is not quite of `commit`. */
  dirty: boolean;
}

export type ReadGitState = (root: string, env: Readonly<Record<string, string | undefined>>) => Promise<GitState>;

async function git(root: string, args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd: root, encoding: 'utf8' });
    return stdout.trim();
  } catch {
    return null;
  }
}

export const readGitState: ReadGitState = async (root, env) => {
  const [commit, branch, status] = await Promise.all([
    git(root, ['rev-parse', '--verify', '-q', 'HEAD']),
    git(root, ['symbolic-ref', '--short', '-q', 'HEAD']),
    git(root, ['status', '--porcelain', '--untracked-files=no']),
  ]);
  return {
    commit: commit === '' ? null : commit,
    branch: branch || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || null,
    dirty: status !== null && status !== '',
  };
};
