// The git adapter: the only module that runs git (https://git-scm.com/docs/git-ls-files,
// https://git-scm.com/docs/git-log). Everything else gets plain data.
import { execFile } from 'node:child_process';
import { HarnessError } from '@harness/diagnostics';

const maxBuffer = 512 * 1024 * 1024;

function git(root: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd: root, maxBuffer, encoding: 'utf8' }, (error: Error | null, stdout) => {
      if (error !== null) reject(error);
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

function isMissingGit(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** The files git knows at `root` (tracked, plus untracked ones that are not ignored), or undefined outside a work tree. */
export async function listGitFiles(root: string): Promise<string[] | undefined> {
  try {
    const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']);
    return out.split('\0').filter((f) => f !== '');
  } catch (error) {
    if (isMissingGit(error)) return undefined;
    return undefined;
  }
}

/** Files git tracks (committed or staged) — for "a committed AGENTS.override.md". */
export async function listTrackedFiles(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  try {
    const out = await git(root, ['ls-files', '-z', '--cached', '--', ...paths]);
    return new Set(out.split('\0').filter((f) => f !== ''));
  } catch {
    return new Set();
  }
}

/** Which of `paths` git ignores (build output, dependencies…). */
export async function listIgnored(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  try {
    const out = await git(root, ['check-ignore', '-z', '--no-index', '--stdin'], paths.join('\0'));
    return new Set(out.split('\0').filter((f) => f !== ''));
  } catch {
    // Exit 1 means "none ignored"; outside a work tree nothing is known to be ignored.
    return new Set();
  }
}

/** Files whose work-tree text differs from HEAD. */
export async function listModified(root: string): Promise<Set<string>> {
  try {
    return new Set((await git(root, ['diff', '--name-only', '-z', 'HEAD'])).split('\0').filter((f) => f !== ''));
  } catch {
    return new Set();
  }
}

export async function isShallowClone(root: string): Promise<boolean> {
  const out = await git(root, ['rev-parse', '--is-shallow-repository']);
  return out.trim() === 'true';
}

export interface GitHistory {
  /** Commit time (Unix seconds) of the last commit that touched each path. */
  lastChanged: Map<string, number>;
  /** Old path → its newest name, from renames git detected. */
  renamedTo: Map<string, string>;
  /** How many commits touched each path (under its current name). */
  commits: Map<string, number>;
}

/** One pass over the history: last change per path and the renames, newest first. */
export async function readHistory(root: string): Promise<GitHistory | undefined> {
  let out: string;
  try {
    out = await git(root, ['log', '--format=%x01%ct', '--name-status', '-M', '--no-merges', '-z', 'HEAD']);
  } catch (error) {
    if (isMissingGit(error)) throw toolMissing();
    return undefined; // no commits yet
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
export async function readFileVersions(root: string, path: string, limit: number): Promise<Array<{ commit: string; text: string }>> {
  let commits: string[];
  try {
    commits = (await git(root, ['log', `-n${limit}`, '--format=%H', '--follow', '--', path])).split('\n').filter((c) => c !== '');
  } catch {
    return [];
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

function toolMissing(): HarnessError {
  return new HarnessError('TOOL_MISSING', 'git is not installed or not on PATH', {
    fix: 'Install git (https://git-scm.com/downloads, or `apt-get install git`), then run again.',
  });
}
