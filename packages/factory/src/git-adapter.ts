// The factory's git work (https://git-scm.com/docs/git-worktree), through the shared git adapter of agent-harness-system: a worktree and branch
// per issue from a freshly fetched `origin/<base>`, commits of what the agent left,
// and pushes. Tests run it against a real bare repository as `origin`.
import { existsSync } from 'node:fs';
import { assertInsideRoot, gitLine, refName, runGit, splitNul } from 'agent-harness-system';

export interface GitAdapter {
  /** Fetches `origin`, then gives `path` a worktree on `branch`: the pushed branch when there is one, else `origin/<base>`. Reuses a worktree that exists. */
  prepareWorktree(root: string, path: string, branch: string, base: string): Promise<void>;
  head(cwd: string): Promise<string>;
  /** Commits every change in the worktree; returns the new head, or undefined when there was nothing to commit. */
  commitAll(cwd: string, message: string): Promise<string | undefined>;
  /** Commits on HEAD that `origin/<base>` does not have. */
  commitsAhead(cwd: string, base: string): Promise<number>;
  push(cwd: string, branch: string): Promise<void>;
  /**
   * Brings the pushed branch's commits into the worktree before a push: fetches it, then
   * fast-forwards to it or rebases the local commits onto it (never the other way round, so a
   * person's commits are never forced over). A conflict aborts the rebase and names the files.
   */
  syncBranch(cwd: string, branch: string): Promise<BranchSync>;
  /** Fetches `origin/<base>`, then counts commits HEAD has that it lacks (ahead) and the other way round (behind). */
  aheadBehind(cwd: string, base: string): Promise<{ ahead: number; behind: number }>;
}

/** `remote`: the pushed branch's head after the sync, undefined when it is not pushed yet. */
type BranchSync = { ok: true; remote: string | undefined } | { ok: false; remote: string; conflicts: string[] };

/** The factory runs unattended: a failure names the remote it could not reach. */
const fix = 'Check that the repository has an `origin` remote you can fetch from and push to.';

/** git's trimmed stdout, through the shared adapter of agent-harness-system (no prompts, bounded, exit code checked). */
function run(cwd: string, args: string[]): Promise<string> {
  return gitLine(cwd, args, { fix });
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

/** The worktree on its branch: the pushed branch when there is one, else a new one from base. */
async function prepareWorktree(root: string, path: string, branch: string, base: string): Promise<void> {
  refName(branch, 'branch');
  refName(base, 'base branch');
  // The worktree lives in the repository's state folder; never where a symlink would take it.
  await assertInsideRoot(root, path);
  await run(root, ['fetch', '--quiet', 'origin']);
  if (existsSync(path)) return;
  const pushed = (await run(root, ['ls-remote', '--heads', 'origin', branch])) !== '';
  await run(root, ['worktree', 'add', '--quiet', '-B', branch, path, pushed ? `origin/${branch}` : `origin/${base}`]);
}

/**
 * What harness writes for itself under `.harness/` (caches, the factory's state, a stack's env and
 * compose files, budget history) is never committed by the loop, even when a file there is not
 * ignored (written by an older harness, or tracked on the base by mistake). Baselines are the
 * exception: a repository commits them.
 */
const isHarnessOwnFile = (path: string): boolean =>
  path.startsWith('.harness/') && !path.startsWith('.harness/baseline/');

/** Files staged for the next commit, repository-relative. */
async function stagedFiles(cwd: string): Promise<string[]> {
  return splitNul((await runGit(cwd, ['diff', '--cached', '--name-only', '--no-renames', '-z'], { fix })).stdout);
}

/** Commits everything in the worktree but harness's own files, as the factory; the new head, or undefined when nothing changed. */
async function commitAll(cwd: string, message: string): Promise<string | undefined> {
  await run(cwd, ['add', '--all']);
  // Unstaged again whoever staged them (the agent may have run `git add -A` itself).
  const own = (await stagedFiles(cwd)).filter(isHarnessOwnFile);
  if (own.length > 0) await run(cwd, ['reset', '--quiet', '--', ...own.map((path) => `:(literal)${path}`)]);
  if ((await stagedFiles(cwd)).length === 0) return undefined;
  await run(cwd, [...asFactory, 'commit', '--quiet', '--no-verify', '-m', message]);
  return run(cwd, ['rev-parse', 'HEAD']);
}

const asFactory = ['-c', 'user.name=harness factory', '-c', 'user.email=factory@harness.invalid'];

async function isAncestor(cwd: string, ancestor: string, of: string): Promise<boolean> {
  return (await runGit(cwd, ['merge-base', '--is-ancestor', ancestor, of], { fix, okCodes: [1] })).code === 0;
}

async function syncBranch(cwd: string, branch: string): Promise<BranchSync> {
  refName(branch, 'branch');
  const listed = await run(cwd, ['ls-remote', '--heads', 'origin', `refs/heads/${branch}`]);
  if (listed === '') return { ok: true, remote: undefined };
  await run(cwd, ['fetch', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  const remote = await run(cwd, ['rev-parse', `refs/remotes/origin/${branch}`]);
  if (await isAncestor(cwd, remote, 'HEAD')) return { ok: true, remote };
  if (await isAncestor(cwd, 'HEAD', remote)) {
    await run(cwd, ['merge', '--quiet', '--ff-only', remote]);
    return { ok: true, remote };
  }
  const rebased = await runGit(cwd, [...asFactory, 'rebase', '--quiet', remote], { fix, okCodes: [1] });
  if (rebased.code === 0) return { ok: true, remote };
  const conflicts = splitNul((await runGit(cwd, ['diff', '--name-only', '--diff-filter=U', '-z'], { fix })).stdout);
  await run(cwd, ['rebase', '--abort']);
  return { ok: false, remote, conflicts };
}

export function createGitAdapter(): GitAdapter {
  const serial = oneAtATime();
  return {
    prepareWorktree: (root, path, branch, base) => serial(() => prepareWorktree(root, path, branch, base)),
    head: (cwd) => run(cwd, ['rev-parse', 'HEAD']),
    commitAll: (cwd, message) => serial(() => commitAll(cwd, message)),
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
    syncBranch: (cwd, branch) => serial(() => syncBranch(cwd, branch)),
    push: (cwd, branch) =>
      serial(async () => {
        await run(cwd, ['push', '--quiet', 'origin', `HEAD:refs/heads/${refName(branch, 'branch')}`]);
      }),
  };
}
