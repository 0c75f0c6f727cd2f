// Real git histories for integration tests, from maps of file texts: a repository in a temporary
// folder on branch `main` whose first commit, "base", holds the base files; a test then commits (or
// only writes) its change, or `createGitHistory` commits it on a branch of its own, as a pull
// request's branch would be, and main may move on after the fork. The repository has its own
// committer identity and no commit signing, so committing works whatever the machine's git
// configuration says. Removing it is the caller's job (`remove()`, in afterEach or onTestFinished):
// the run fails on anything left in TMPDIR.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** File texts by repository-relative path; `null` deletes the file (or folder). */
export type RepoFiles = Readonly<Record<string, string | null>>;

/** Its functions are closures over the repository: they may be passed around on their own. */
export interface GitRepo {
  /** Absolute path of the repository (a folder under TMPDIR). */
  readonly root: string;
  /** `git …` in the repository; its trimmed stdout. */
  readonly git: (...args: string[]) => string;
  /** Writes `files` into the working tree without committing (an uncommitted change). */
  readonly write: (files: RepoFiles) => void;
  /** Writes `files` and commits everything (`git add -A`, empty commits allowed); the new commit's sha. */
  readonly commit: (files: RepoFiles, message?: string) => string;
  /** Removes the repository. */
  readonly remove: () => void;
}

export interface GitRepoOptions {
  /** Start of the temporary folder's name, to tell a test's repositories apart. Default `git-repo-`. */
  prefix?: string;
}

export interface GitHistoryOptions extends GitRepoOptions {
  /** The branch the change is committed on, checked out afterwards. Default `pr`. */
  branch?: string;
  /**
   * Files `main` commits after the branch forked from it (commit "main moves on"; `{}` is an empty
   * commit), as when other work lands while a pull request is open: main's tip is then no longer
   * the fork point, so a test can tell a merge base from the base branch's head. Default: main
   * stays at the fork point.
   */
  mainMovesOn?: RepoFiles;
}

/** A pull request's history: a {@link GitRepo} checked out on the branch, which knows where it forked. */
export interface GitHistory extends GitRepo {
  /** The commit the branch forked from `main` at: "base", the merge base of the branch and main. */
  readonly forkPoint: string;
}

/** A repository on branch `main` whose first commit, "base", holds `files`. */
export function createGitRepo(files: RepoFiles, options: GitRepoOptions = {}): GitRepo {
  const root = mkdtempSync(join(tmpdir(), options.prefix ?? 'git-repo-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const write = (changed: RepoFiles): void => writeFiles(root, changed);
  const commit = (changed: RepoFiles, message = 'change'): string => {
    write(changed);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  try {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    git('config', 'commit.gpgsign', 'false');
    commit(files, 'base');
  } catch (error) {
    remove();
    throw error;
  }
  return { root, git, write, commit, remove };
}

/**
 * A repository whose `main` holds `base` (commit "base"), checked out on `options.branch` (default
 * `pr`) with `change` committed on it (commit "change"): a pull request's head and its base branch.
 * With `options.mainMovesOn`, main gets one more commit after the fork.
 */
export function createGitHistory(base: RepoFiles, change: RepoFiles, options: GitHistoryOptions = {}): GitHistory {
  const repo = createGitRepo(base, options);
  const branch = options.branch ?? 'pr';
  try {
    const forkPoint = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', branch);
    repo.commit(change, 'change');
    if (options.mainMovesOn !== undefined) {
      repo.git('checkout', '-q', 'main');
      repo.commit(options.mainMovesOn, 'main moves on');
      repo.git('checkout', '-q', branch);
    }
    return { ...repo, forkPoint };
  } catch (error) {
    repo.remove();
    throw error;
  }
}

function writeFiles(root: string, files: RepoFiles): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (text === null) {
      rmSync(full, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}
