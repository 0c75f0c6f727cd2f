// The git adapter (https://git-scm.com/docs/git-worktree): a worktree and branch
// per issue from a freshly fetched `origin/<base>`, commits of what the agent left,
// and pushes. Tests run it against a real bare repository as `origin`.
import type { ExecFileException } from 'node:child_process';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { assertInsideRoot, HarnessError } from '@harness/diagnostics';

export interface GitAdapter {
  /** Fetches `origin`, then gives `path` a worktree on `branch`: the pushed branch when there is one, else `origin/<base>`. Reuses a worktree that exists. */
  prepareWorktree(root: string, path: string, branch: string, base: string): Promise<void>;
  head(cwd: string): Promise<string>;
  /** Commits every change in the worktree; returns the new head, or undefined when there was nothing to commit. */
  commitAll(cwd: string, message: string): Promise<string | undefined>;
  /** Commits on HEAD that `origin/<base>` does not have. */
  commitsAhead(cwd: string, base: string): Promise<number>;
  push(cwd: string, branch: string): Promise<void>;
  /** Fetches `origin/<base>`, then counts commits HEAD has that it lacks (ahead) and the other way round (behind). */
  aheadBehind(cwd: string, base: string): Promise<{ ahead: number; behind: number }>;
}

/** Shas, counts and short status: anything near this is not an answer, and is said so. */
const maxOutputBytes = 16 * 1024 * 1024;

export function run(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Never a credential prompt: the loop runs unattended.
    const options = { cwd, maxBuffer: maxOutputBytes, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } };
    execFile('git', args, options, (error, stdout, stderr) => {
      if (error === null) resolve(stdout.trim());
      else reject(gitError(error, args, stderr));
    });
  });
}

function gitError(error: ExecFileException, args: string[], stderr: string): HarnessError {
  const command = `git ${args.join(' ')}`;
  if (error.code === 'ENOENT') {
    return new HarnessError('TOOL_MISSING', `cannot run ${command}: ${error.message}`, {
      fix: 'Install git (https://git-scm.com/downloads) and check that the worktree folder exists.',
      cause: error,
    });
  }
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new HarnessError('GIT_FAILED', `${command} printed more than ${maxOutputBytes} bytes`, {
      fix: 'Run it by hand in the worktree to see why.',
      cause: error,
    });
  }
  return new HarnessError('GIT_FAILED', `${command} failed: ${stderr.trim() || error.message}`, {
    fix: 'Check that the repository has an `origin` remote you can fetch from and push to.',
    cause: error,
  });
}

/** A branch name git would read as an option (`--upload-pack=…`) never reaches its command line. */
function refName(name: string, what: string): string {
  if (name === '' || name.startsWith('-')) {
    throw new HarnessError('CONFIG_INVALID', `the ${what} "${name}" is not a branch name`, {
      fix: 'Name a branch that does not start with "-".',
    });
  }
  return name;
}

/**
 * Runs tasks one at a time, in order. Worktrees of one repository share its config and refs, and
 * git fails with "could not lock" when two commands write them at the same moment (`worktree add
 * -B` writes the branch's upstream into .git/config; fetch and push update remote-tracking refs).
 */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}

export function createGitAdapter(): GitAdapter {
  const serial = oneAtATime();
  return {
    prepareWorktree: (root, path, branch, base) =>
      serial(async () => {
        refName(branch, 'branch');
        refName(base, 'base branch');
        // The worktree lives in the repository's state folder; never where a symlink would take it.
        await assertInsideRoot(root, path);
        await run(root, ['fetch', '--quiet', 'origin']);
        if (existsSync(path)) return;
        const pushed = (await run(root, ['ls-remote', '--heads', 'origin', branch])) !== '';
        await run(root, [
          'worktree',
          'add',
          '--quiet',
          '-B',
          branch,
          path,
          pushed ? `origin/${branch}` : `origin/${base}`,
        ]);
      }),
    head: (cwd) => run(cwd, ['rev-parse', 'HEAD']),
    commitAll: (cwd, message) =>
      serial(async () => {
        await run(cwd, ['add', '--all']);
        if ((await run(cwd, ['status', '--porcelain'])) === '') return undefined;
        await run(cwd, [
          '-c',
          'user.name=harness factory',
          '-c',
          'user.email=factory@harness.invalid',
          'commit',
          '--quiet',
          '--no-verify',
          '-m',
          message,
        ]);
        return run(cwd, ['rev-parse', 'HEAD']);
      }),
    async commitsAhead(cwd, base) {
      return Number(await run(cwd, ['rev-list', '--count', `origin/${refName(base, 'base branch')}..HEAD`]));
    },
    aheadBehind: (cwd, base) =>
      serial(async () => {
        await run(cwd, ['fetch', '--quiet', 'origin', refName(base, 'base branch')]);
        const [behind = '0', ahead = '0'] = (
          await run(cwd, ['rev-list', '--left-right', '--count', `origin/${base}...HEAD`])
        ).split(/\s+/);
        return { ahead: Number(ahead), behind: Number(behind) };
      }),
    push: (cwd, branch) =>
      serial(async () => {
        await run(cwd, ['push', '--quiet', 'origin', `HEAD:refs/heads/${refName(branch, 'branch')}`]);
      }),
  };
}
