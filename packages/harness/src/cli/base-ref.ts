// The base a change is judged against (docs/guard.md, "How the base is found"), and the git questions
// `--changed` asks too: is REF a commit, is the clone shallow, which branch is the default, where
// HEAD left it. `--base REF`, else GITHUB_BASE_REF on a pull request (origin/<ref>, then <ref>),
// (or, on a pull request event that does not set it, such as a review, the event's
// pull_request.base.ref), else the merge base with the default branch. A base that was asked for but is not in the clone is
// an error (a guard that compared nothing must not pass); a base that cannot be derived is a reason
// the guard gives for skipping.
// Spec: https://git-scm.com/docs/git-merge-base,
// https://docs.github.com/en/actions/reference/variables-reference (GITHUB_BASE_REF)
import { readFile } from 'node:fs/promises';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { gitLine, runGit } from 'agent-harness-system';

interface BaseRef {
  /** The base as named: `main`, `origin/main`, a sha. */
  ref: string;
  /** The commit compared with: the merge base of HEAD and the ref. */
  commit: string;
}

export type ResolvedBase = { base: BaseRef; skipped?: undefined } | { base: undefined; skipped: string };

const shallowFix =
  'Fetch the history: `git fetch --unshallow` (in GitHub Actions, actions/checkout with `fetch-depth: 0`).';

export async function isCommit(root: string, ref: string): Promise<boolean> {
  const result = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { okCodes: [1, 128] });
  return result.code === 0;
}

export async function isShallow(root: string): Promise<boolean> {
  return (await gitLine(root, ['rev-parse', '--is-shallow-repository'])) === 'true';
}

/** origin/HEAD when the clone knows it, else the first of main, master (local, then origin's). */
export async function defaultBranch(root: string): Promise<string | undefined> {
  const originHead = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {
    okCodes: [1, 128],
  });
  const named = originHead.stdout.trim();
  if (originHead.code === 0 && named !== '') return named;
  for (const candidate of ['main', 'master', 'origin/main', 'origin/master'])
    if (await isCommit(root, candidate)) return candidate;
  return undefined;
}

/** The merge base of HEAD and `ref`, or undefined when they share no history (in this clone). */
export async function mergeBase(root: string, ref: string): Promise<string | undefined> {
  const result = await runGit(root, ['merge-base', 'HEAD', ref], { okCodes: [1] });
  const commit = result.stdout.trim();
  return result.code === 0 && commit !== '' ? commit : undefined;
}

export interface ResolveBaseOptions {
  /** `--base REF`; undefined or '' when not given. */
  ref?: string | undefined;
  /** Where GITHUB_BASE_REF is read. */
  env?: Env | undefined;
}

/** The base of the work tree holding `cwd`; throws only for a base that was named and is not there. */
export async function resolveBase(cwd: string, options: ResolveBaseOptions = {}): Promise<ResolvedBase> {
  const named = await namedBase(options);
  const top = await runGit(cwd, ['rev-parse', '--show-toplevel'], { okCodes: [128] });
  if (top.code !== 0) {
    if (named === undefined) return { base: undefined, skipped: 'not a git work tree: no base to compare with' };
    throw new HarnessError('USAGE', `${named.how}: compares with git history, and ${cwd} is not in a git work tree`, {
      fix: 'Run harness check inside the repository.',
    });
  }
  const root = top.stdout.trim();
  if (named !== undefined) return { base: await namedBaseCommit(root, named) };
  if (!(await isCommit(root, 'HEAD'))) return { base: undefined, skipped: 'no commits yet: nothing to compare' };
  const branch = await defaultBranch(root);
  if (branch === undefined)
    return { base: undefined, skipped: 'no default branch to compare with (origin/HEAD, main or master)' };
  const [head, tip] = await Promise.all([revParse(root, 'HEAD'), revParse(root, branch)]);
  if (head === tip) return { base: undefined, skipped: 'on the default branch: nothing to compare' };
  const commit = await mergeBase(root, branch);
  if (commit !== undefined) return { base: { ref: branch, commit } };
  return {
    base: undefined,
    skipped: (await isShallow(root))
      ? `a shallow clone without the merge base of HEAD and ${branch} (fetch-depth: 0 fetches it)`
      : `HEAD and ${branch} share no history`,
  };
}

interface NamedBase {
  /** The refs to try, in order. */
  candidates: string[];
  /** How the user named it, for messages: `--base main`, `GITHUB_BASE_REF=main`. */
  how: string;
}

async function namedBase(options: ResolveBaseOptions): Promise<NamedBase | undefined> {
  const given = options.ref ?? '';
  if (given !== '') {
    if (given.startsWith('-'))
      throw new HarnessError('USAGE', `--base ${given}: a ref may not start with "-"`, { fix: 'Name a commit.' });
    return { candidates: [given], how: `--base ${given}` };
  }
  const fromEnv = (options.env?.GITHUB_BASE_REF ?? '').trim();
  if (fromEnv !== '' && !fromEnv.startsWith('-'))
    return { candidates: [`origin/${fromEnv}`, fromEnv], how: `GITHUB_BASE_REF=${fromEnv}` };
  const fromEvent = await eventBaseRef(options.env?.GITHUB_EVENT_PATH);
  if (fromEvent === undefined || fromEvent === '' || fromEvent.startsWith('-')) return undefined;
  return { candidates: [`origin/${fromEvent}`, fromEvent], how: `the pull request's base ${fromEvent}` };
}

/**
 * pull_request.base.ref of the GitHub Actions event, for pull request events that do not set
 * GITHUB_BASE_REF (pull_request_review); undefined for any other event or an unreadable file.
 * Spec: https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request_review
 */
async function eventBaseRef(path: string | undefined): Promise<string | undefined> {
  if (path === undefined || path === '') return undefined;
  try {
    const event = JSON.parse(await readFile(path, 'utf8')) as { pull_request?: { base?: { ref?: unknown } } };
    const ref = event.pull_request?.base?.ref;
    return typeof ref === 'string' ? ref.trim() : undefined;
  } catch {
    return undefined;
  }
}

async function namedBaseCommit(root: string, named: NamedBase): Promise<BaseRef> {
  let ref: string | undefined;
  for (const candidate of named.candidates) {
    if (await isCommit(root, candidate)) {
      ref = candidate;
      break;
    }
  }
  const shallow = async () => isShallow(root);
  if (ref === undefined) {
    if (await shallow())
      throw new HarnessError('GIT_FAILED', `${named.how}: this shallow clone does not have the base`, {
        fix: shallowFix,
      });
    throw new HarnessError(
      'USAGE',
      `${named.how}: ${named.candidates.join(' or ')} is not a commit in this repository`,
      {
        fix: 'Name a branch, tag or commit the clone has (`--base origin/main`), or fetch it first (`git fetch origin main`).',
      },
    );
  }
  const commit = await mergeBase(root, ref);
  if (commit !== undefined) return { ref, commit };
  if (await shallow())
    throw new HarnessError(
      'GIT_FAILED',
      `${named.how}: this shallow clone does not have the merge base of HEAD and ${ref}`,
      {
        fix: shallowFix,
      },
    );
  throw new HarnessError('USAGE', `${named.how}: HEAD and ${ref} share no history`, {
    fix: 'Name the branch this change was made from: `--base <ref>`.',
  });
}

async function revParse(root: string, ref: string): Promise<string> {
  return gitLine(root, ['rev-parse', '--verify', `${ref}^{commit}`]);
}
