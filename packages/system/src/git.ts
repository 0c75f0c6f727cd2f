// The one git adapter (docs/system.md "Processes and git"): every git call in harness goes through
// `runGit`. No shell, no stdin unless given, no prompts (run-process.ts), one output limit, every
// exit code checked, and paths handed to git kept inside the work tree.
// Spec: https://git-scm.com/docs/git (GIT_TERMINAL_PROMPT, GIT_OPTIONAL_LOCKS, --literal-pathspecs)
import { isAbsolute } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from './env.js';
import type { ProcessResult } from './run-process.js';
import { runProcess } from './run-process.js';

/**
 * 512 MiB of stdout: the largest answer harness asks for is `git log --name-status` over a long
 * history, or `ls-files` of a repository with a million files (~100 MB). Past it the call fails,
 * never returns a cut list.
 */
const gitOutputLimit = 512 * 1024 * 1024;

const gitInstallFix =
  'Install git (https://git-scm.com/downloads, or `apt-get install git`) and make sure `git --version` runs.';

export interface RunGitOptions {
  env?: Env | undefined;
  /** Written to git's stdin (`check-ignore --stdin`); otherwise stdin is closed. */
  input?: string | undefined;
  /** Exit codes that are answers, not failures (`check-ignore`: 1 = none ignored; `diff --quiet`: 1 = differs). */
  okCodes?: readonly number[] | undefined;
  /** Say how to fix a failure in the caller's words (default: run the command by hand). */
  fix?: string | undefined;
}

export interface GitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** git ran and failed: GIT_FAILED, with its exit code and stderr for callers that tell failures apart. */
export class GitFailed extends HarnessError {
  readonly exitCode: number;
  readonly stderr: string;
  readonly args: readonly string[];

  constructor(cwd: string, args: readonly string[], result: ProcessResult, fix: string | undefined) {
    const said = firstLines(result.stderr);
    super('GIT_FAILED', `git ${args.join(' ')} failed in ${cwd}${said === '' ? '' : `: ${said}`}`, {
      fix: fix ?? 'Run the same git command in the repository to see why, fix it, then run again.',
    });
    this.exitCode = result.code;
    this.stderr = result.stderr;
    this.args = args;
  }
}

function firstLines(stderr: string): string {
  return stderr.trim().split('\n').slice(0, 5).join(' / ');
}

/**
 * Runs `git args…` in `cwd`. A git that is not installed is TOOL_MISSING; output past
 * `gitOutputLimit` and any exit code outside 0 and `okCodes` are GitFailed (GIT_FAILED).
 */
export async function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<GitOutput> {
  const result = await runProcess('git', args, {
    cwd,
    // Read-only questions never take the index lock that a user's own git command is waiting for.
    env: { ...(options.env ?? process.env), GIT_OPTIONAL_LOCKS: '0' },
    input: options.input,
    maxOutputBytes: gitOutputLimit,
    missingFix: gitInstallFix,
  });
  if (result.killed === 'overflow') {
    throw new HarnessError('GIT_FAILED', `git ${args.join(' ')} printed more than ${gitOutputLimit} bytes in ${cwd}`, {
      fix: 'Run the git command yourself to see why.',
    });
  }
  if (result.code !== 0 && !(options.okCodes ?? []).includes(result.code))
    throw new GitFailed(cwd, args, result, options.fix);
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** git's stdout, trimmed: for questions answered with one line (a sha, a branch, a URL). */
export async function gitLine(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  return (await runGit(cwd, args, options)).stdout.trim();
}

/** NUL-separated output (`-z`) as a list, empty entries dropped. */
export function splitNul(stdout: string): string[] {
  return stdout.split('\0').filter((entry) => entry !== '');
}

/**
 * Paths handed to git are repository-relative, normalized, and stay inside the work tree: no
 * absolute path, no `..`, no empty or `.` segment (a trailing `/` aside), no NUL, and none that git would read as an
 * option. (Whether one goes through a symbolic link is the caller's to check against its disk,
 * as docs' git-paths.ts does, because only it knows which of its paths exist.)
 */
export function isWorkTreePath(given: string): boolean {
  // A folder may be named with its trailing slash (`bench/.work/`), as a folder pattern needs.
  const path = given.endsWith('/') ? given.slice(0, -1) : given;
  if (path === '' || path.includes('\0') || isAbsolute(path) || path.startsWith('-')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Files git tracks plus untracked ones it does not ignore, `/`-separated, relative to `cwd`. */
export async function listGitFiles(cwd: string, options: RunGitOptions = {}): Promise<string[]> {
  return splitNul(
    (await runGit(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], options))
      .stdout,
  );
}

/**
 * Which of `paths` git ignores (`--no-index`, the default: tracked files too). A path that leaves
 * the work tree is never handed to git and counts as not ignored.
 */
export async function listIgnoredPaths(
  cwd: string,
  paths: readonly string[],
  options: RunGitOptions & { noIndex?: boolean | undefined } = {},
): Promise<Set<string>> {
  const asked = paths.filter(isWorkTreePath);
  if (asked.length === 0) return new Set();
  const args = ['check-ignore', '-z', ...(options.noIndex === false ? [] : ['--no-index']), '--stdin'];
  // Exit 1: none is ignored, an answer.
  const result = await runGit(cwd, args, { ...options, input: `${asked.join('\0')}\0`, okCodes: [1] });
  return new Set(splitNul(result.stdout));
}

/** The checked-out branch, or undefined on a detached HEAD. */
export async function currentBranch(cwd: string, options: RunGitOptions = {}): Promise<string | undefined> {
  const result = await runGit(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { ...options, okCodes: [1] });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/** A branch name git would read as an option (`--upload-pack=…`) never reaches its command line. */
export function refName(name: string, what: string): string {
  if (name === '' || name.startsWith('-')) {
    throw new HarnessError('CONFIG_INVALID', `the ${what} "${name}" is not a branch name`, {
      fix: 'Name a branch that does not start with "-".',
    });
  }
  return name;
}
