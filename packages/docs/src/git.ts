// The git questions the docs check asks (https://git-scm.com/docs/git-ls-files,
// https://git-scm.com/docs/git-log), through the shared git adapter of agent-harness-system.
// Everything else gets plain data.
import { HarnessError } from 'agent-harness-diagnostics';
import { GitFailed, listIgnoredPaths, runGit, splitNul } from 'agent-harness-system';

/** git could not answer (it failed, or is not installed): a caller that can go on without the answer says so in a note. */
export class GitFailure extends Error {
  readonly exitCode: number | string | undefined;
  readonly stderr: string;

  constructor(error: HarnessError) {
    super(error.message, { cause: error });
    this.exitCode = error instanceof GitFailed ? error.exitCode : error.code;
    this.stderr = error instanceof GitFailed ? error.stderr : '';
  }
}

function git(root: string, args: readonly string[]): Promise<string> {
  return runGit(root, args).then((result) => result.stdout);
}

function isMissingGit(error: unknown): boolean {
  return error instanceof HarnessError && error.code === 'TOOL_MISSING';
}

function isOutsideWorkTree(error: unknown): boolean {
  return isMissingGit(error) || (error instanceof GitFailed && /not a git repository/i.test(error.stderr));
}

/** HEAD names no commit yet (a repository before its first commit). */
function noCommits(error: unknown): boolean {
  return (
    error instanceof GitFailed &&
    /unknown revision|bad revision|ambiguous argument 'HEAD'|does not have any commits/i.test(error.stderr)
  );
}

function gitFailed(error: unknown, what: string): HarnessError {
  if (isMissingGit(error)) return error as HarnessError;
  return new HarnessError('GIT_FAILED', `${what}: ${error instanceof Error ? error.message : String(error)}`, {
    fix: 'Run the same git command in the repository to see the problem (a `safe.directory` setting, a damaged index), fix it, then run again.',
    cause: error,
  });
}

/** The files git knows at `root` (tracked, plus untracked ones that are not ignored), or undefined outside a work tree. */
export async function listGitFiles(root: string): Promise<string[] | undefined> {
  try {
    return splitNul(await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']));
  } catch (error) {
    // Outside a work tree (or without git) every file on disk counts; any other failure is not
    // "no repository", or the whole disk below the root would be read as the repository's.
    if (isOutsideWorkTree(error)) return undefined;
    throw gitFailed(error, 'cannot list the files git knows');
  }
}

/** Files git tracks (committed or staged) — for "a committed AGENTS.override.md". */
export async function listTrackedFiles(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  try {
    // Paths from the docs are data, never pathspec magic (`:(top)x`, `*`).
    const out = await git(root, ['--literal-pathspecs', 'ls-files', '-z', '--cached', '--', ...paths]);
    return new Set(out.split('\0').filter((f) => f !== ''));
  } catch (error) {
    throw gitFailed(error, 'cannot list the tracked files');
  }
}

/**
 * Which of `paths` git ignores (build output, dependencies…). A path that leaves the work tree is
 * never asked (it counts as not ignored); one under a symbolic link must be filtered out before
 * (git-paths.ts): git stops at the first such path. Throws GitFailure when git cannot answer.
 */
export async function listIgnored(root: string, paths: readonly string[]): Promise<Set<string>> {
  try {
    return await listIgnoredPaths(root, paths);
  } catch (error) {
    if (error instanceof HarnessError) throw new GitFailure(error);
    throw error;
  }
}

/** Files whose work-tree text differs from HEAD (none before the first commit). */
export async function listModified(root: string): Promise<Set<string>> {
  try {
    return new Set((await git(root, ['diff', '--name-only', '-z', 'HEAD'])).split('\0').filter((f) => f !== ''));
  } catch (error) {
    if (noCommits(error)) return new Set();
    throw gitFailed(error, 'cannot list the changed files');
  }
}

export interface HeadState {
  shallow: boolean;
  /** The commit HEAD names; undefined before the first commit. */
  head: string | undefined;
}

/** Whether this is a shallow clone, and the commit HEAD names: one git call. */
export async function readHeadState(root: string): Promise<HeadState> {
  try {
    const out = await git(root, ['rev-parse', '--is-shallow-repository', '--verify', '-q', 'HEAD^{commit}']);
    const [shallow = '', head = ''] = out.split('\n');
    return { shallow: shallow.trim() === 'true', head: head.trim() === '' ? undefined : head.trim() };
  } catch (error) {
    // Exit 1, quietly: HEAD names no commit yet (it printed whether the clone is shallow, and stopped).
    if (error instanceof GitFailed && error.exitCode === 1)
      return { shallow: await isShallowClone(root), head: undefined };
    throw gitFailed(error, 'cannot tell whether this is a shallow clone');
  }
}

export async function isShallowClone(root: string): Promise<boolean> {
  try {
    return (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch (error) {
    throw gitFailed(error, 'cannot tell whether this is a shallow clone');
  }
}

export interface GitHistory {
  /** Commit time (Unix seconds) of the last commit that touched each path. */
  lastChanged: Map<string, number>;
  /** Old path → its newest name, from renames git detected. */
  renamedTo: Map<string, string>;
  /** How many commits touched each path (under its current name). */
  commits: Map<string, number>;
}

/** One pass over the history of `rev`: last change per path and the renames, newest first. */
export async function readHistory(root: string, rev = 'HEAD'): Promise<GitHistory | undefined> {
  let out: string;
  try {
    out = await git(root, ['log', '--format=%x01%ct', '--name-status', '-M', '--no-merges', '-z', rev]);
  } catch (error) {
    if (noCommits(error)) return undefined;
    throw gitFailed(error, 'cannot read the history');
  }
  const lastChanged = new Map<string, number>();
  const renamedTo = new Map<string, string>();
  const commits = new Map<string, number>();
  const touch = (path: string, time: number): void => {
    if (!lastChanged.has(path)) lastChanged.set(path, time);
    commits.set(path, (commits.get(path) ?? 0) + 1);
  };
  for (const commit of out.split('\x01')) {
    if (commit === '') continue;
    // With -z: time NUL, then "\n" before the first status, then status NUL path [NUL path] NUL…
    const [timeField = '', ...fields] = commit.split('\0');
    const time = Number(timeField.trim());
    const rest = fields.map((f) => f.replace(/^\n/, '')).filter((f) => f !== '');
    for (let i = 0; i < rest.length; ) {
      const status = rest[i] ?? '';
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = rest[i + 1] ?? '';
        const to = rest[i + 2] ?? '';
        if (status.startsWith('R') && !renamedTo.has(from)) renamedTo.set(from, renamedTo.get(to) ?? to);
        touch(to, time);
        i += 3;
      } else {
        touch(rest[i + 1] ?? '', time);
        i += 2;
      }
    }
  }
  return { lastChanged, renamedTo, commits };
}

/** The versions of one file, newest first: [commit, text]. */
export async function readFileVersions(
  root: string,
  path: string,
  limit: number,
): Promise<Array<{ commit: string; text: string }>> {
  let commits: string[];
  try {
    commits = (await git(root, ['--literal-pathspecs', 'log', `-n${limit}`, '--format=%H', '--follow', '--', path]))
      .split('\n')
      .filter((c) => c !== '');
  } catch (error) {
    if (noCommits(error)) return [];
    throw gitFailed(error, `cannot read the history of ${path}`);
  }
  const versions: Array<{ commit: string; text: string }> = [];
  for (const commit of commits) {
    try {
      // The path may have had another name in older commits; those versions are skipped.
      versions.push({ commit, text: await git(root, ['show', `${commit}:${path}`]) });
    } catch {
      break;
    }
  }
  return versions;
}
