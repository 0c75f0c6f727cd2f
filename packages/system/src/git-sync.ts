// Synchronous twins of two read-only git questions (git.ts), for callers that cannot wait: an ESLint
// rule runs synchronously (eslint-plugin-agent-harness). Same arguments, same environment
// (no prompts, no optional locks), same output limit and errors as runGit; nothing here writes.
// Spec: https://git-scm.com/docs/git-ls-files, https://git-scm.com/docs/git-check-ignore
import { spawnSync } from 'node:child_process';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from './env.js';
import { GitFailed, isWorkTreePath, splitNul } from './git.js';

const gitOutputLimit = 512 * 1024 * 1024;

interface RunGitSyncOptions {
  env?: Env | undefined;
  input?: string | undefined;
  okCodes?: readonly number[] | undefined;
}

function runGitSync(cwd: string, args: readonly string[], options: RunGitSyncOptions = {}): string {
  const result = spawnSync('git', args, {
    cwd,
    env: { ...(options.env ?? process.env), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: gitOutputLimit,
    windowsHide: true,
  });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new HarnessError('TOOL_MISSING', `cannot start git in ${cwd}: ${result.error.message}`, {
        fix: 'Install git (https://git-scm.com/downloads, or `apt-get install git`) and make sure `git --version` runs.',
      });
    throw new HarnessError('GIT_FAILED', `git ${args.join(' ')} failed in ${cwd}: ${result.error.message}`, {
      fix: 'Run the git command yourself to see why.',
    });
  }
  const exit = result.status ?? 128;
  if (exit !== 0 && !(options.okCodes ?? []).includes(exit)) {
    throw new GitFailed(
      cwd,
      args,
      {
        code: exit,
        signal: result.signal,
        stdout: result.stdout,
        stderr: result.stderr,
        missing: false,
        truncated: false,
        droppedBytes: 0,
        durationMs: 0,
      },
      undefined,
    );
  }
  return result.stdout;
}

/** listGitFiles, synchronously: files git tracks plus untracked ones it does not ignore. */
export function listGitFilesSync(cwd: string, options: { env?: Env | undefined } = {}): string[] {
  return splitNul(
    runGitSync(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], options),
  );
}

/** listIgnoredPaths, synchronously: which of `paths` git ignores (`--no-index` unless noIndex is false). */
export function listIgnoredPathsSync(
  cwd: string,
  paths: readonly string[],
  options: { env?: Env | undefined; noIndex?: boolean | undefined } = {},
): Set<string> {
  const asked = paths.filter(isWorkTreePath);
  if (asked.length === 0) return new Set();
  const args = ['check-ignore', '-z', ...(options.noIndex === false ? [] : ['--no-index']), '--stdin'];
  // Exit 1: none is ignored, an answer.
  return new Set(splitNul(runGitSync(cwd, args, { env: options.env, input: `${asked.join('\0')}\0`, okCodes: [1] })));
}
