// Which commit and branch a measurement belongs to, asked through the shared git adapter of
// agent-harness-system. Spec: https://git-scm.com/docs/git-rev-parse, https://git-scm.com/docs/git-symbolic-ref,
// https://git-scm.com/docs/git-diff (--quiet: the exit code alone says whether HEAD and the work tree differ)
import type { Env } from 'agent-harness-system';
import { runGit } from 'agent-harness-system';

export interface GitState {
  /** HEAD's full sha; null outside a git repository or before the first commit. */
  commit: string | null;
  /** The checked-out branch; on a detached HEAD (CI checkouts) the CI's branch variable. */
  branch: string | null;
  /** Tracked files differ from HEAD, so the measurement is not quite of `commit`. */
  dirty: boolean;
}

export type ReadGitState = (root: string, env: Env) => Promise<GitState>;

/** Exit 1 ("no", "detached", "differs") and 128 (no repository, no commit yet) are answers here. */
const answers = [1, 128];

export const readGitState: ReadGitState = async (root, env) => {
  const ask = (args: string[]) => runGit(root, args, { env, okCodes: answers });
  const [commit, branch, diff] = await Promise.all([
    ask(['rev-parse', '--verify', '-q', 'HEAD']),
    ask(['symbolic-ref', '--short', '-q', 'HEAD']),
    // Not `git status`: its output grows with the number of changed files; this answers in the exit code.
    ask(['diff', '--quiet', '--no-ext-diff', 'HEAD', '--']),
  ]);
  const sha = commit.code === 0 ? commit.stdout.trim() : '';
  return {
    commit: sha === '' ? null : sha,
    branch: (branch.code === 0 ? branch.stdout.trim() : '') || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || null,
    dirty: diff.code === 1,
  };
};
