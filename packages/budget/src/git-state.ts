// The git adapter: which commit and branch a measurement belongs to.
// Spec: https://git-scm.com/docs/git-rev-parse, https://git-scm.com/docs/git-symbolic-ref,
// https://git-scm.com/docs/git-diff (--quiet: the exit code alone says whether HEAD and the work tree differ)
import { execFile } from 'node:child_process';
import { HarnessError } from '@harness/diagnostics';

export interface GitState {
  /** HEAD's full sha; null outside a git repository or before the first commit. */
  commit: string | null;
  /** The checked-out branch; on a detached HEAD (CI checkouts) the CI's branch variable. */
  branch: string | null;
  /** Tracked files differ from HEAD, so the measurement is not quite of `commit`. */
  dirty: boolean;
}

export type ReadGitState = (root: string, env: Readonly<Record<string, string | undefined>>) => Promise<GitState>;

type Env = Readonly<Record<string, string | undefined>>;

/** A sha or a branch name; anything longer is not an answer to the questions asked here. */
const maxOutputBytes = 64 * 1024;

/** Exit code and trimmed stdout; a git that cannot be started is TOOL_MISSING, never a silent null. */
function git(root: string, env: Env, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const options = {
      cwd: root,
      encoding: 'utf8' as const,
      maxBuffer: maxOutputBytes,
      env: { ...env, GIT_TERMINAL_PROMPT: '0' },
    };
    execFile('git', args, options, (error, stdout) => {
      if (error === null) return resolve({ code: 0, stdout: stdout.trim() });
      if (error.code === 'ENOENT') {
        return reject(
          new HarnessError('TOOL_MISSING', 'git is not installed (or not on PATH)', {
            fix: 'Install git (https://git-scm.com/downloads) and make sure `git --version` runs.',
            cause: error,
          }),
        );
      }
      if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return reject(
          new HarnessError('GIT_FAILED', `git ${args.join(' ')} printed more than ${maxOutputBytes} bytes`, {
            place: { file: root },
            fix: 'Run the command by hand to see why; it should print one line.',
            cause: error,
          }),
        );
      }
      resolve({ code: typeof error.code === 'number' ? error.code : 1, stdout: '' });
    });
  });
}

export const readGitState: ReadGitState = async (root, env) => {
  const [commit, branch, diff] = await Promise.all([
    git(root, env, ['rev-parse', '--verify', '-q', 'HEAD']),
    git(root, env, ['symbolic-ref', '--short', '-q', 'HEAD']),
    // Not `git status`: its output grows with the number of changed files; this answers in the exit code.
    git(root, env, ['diff', '--quiet', '--no-ext-diff', 'HEAD', '--']),
  ]);
  return {
    commit: commit.code !== 0 || commit.stdout === '' ? null : commit.stdout,
    branch: (branch.code === 0 ? branch.stdout : '') || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || null,
    dirty: diff.code === 1,
  };
};
