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

/** The default branch's candidates after origin/HEAD, in the order they are tried. */
const defaultCandidates = ['main', 'master', 'origin/main', 'origin/master'];

/**
 * The base of the work tree holding `cwd`; throws only for a base that was named and is not there.
 * Two rounds of git (docs/decisions.md, "The base in two rounds of git"): one `cat-file --batch-check`
 * resolves HEAD and every candidate at once; then `rev-parse` (a work tree? shallow? what origin/HEAD
 * names) runs beside the merge base of HEAD and the first candidate that is a commit.
 */
export async function resolveBase(cwd: string, options: ResolveBaseOptions = {}): Promise<ResolvedBase> {
  const named = await namedBase(options);
  const candidates = named?.candidates ?? ['refs/remotes/origin/HEAD', ...defaultCandidates];
  const commits = await commitsOf(cwd, ['HEAD', ...candidates]);
  if (commits === undefined) return notAWorkTree(cwd, named);
  const [head, ...tips] = commits;
  if (named !== undefined) return { base: await namedBaseCommit(cwd, named, tips) };
  const first = tips.findIndex((tip) => tip !== undefined);
  const tip = tips[first];
  const [facts, commit] = await Promise.all([
    workTreeFacts(cwd, first === 0),
    head !== undefined && tip !== undefined && head !== tip ? mergeBase(cwd, tip) : undefined,
  ]);
  if (facts === undefined) return notAWorkTree(cwd, undefined);
  if (head === undefined) return { base: undefined, skipped: 'no commits yet: nothing to compare' };
  // origin/HEAD counts only as a symbolic ref; a plain one (`origin/HEAD` as its own name) is passed over.
  if (first === 0 && (facts.originHead === undefined || facts.originHead === 'origin/HEAD'))
    return mergeBaseWith(cwd, head, tips.slice(1), defaultCandidates, facts.shallow);
  const branch = first === 0 ? facts.originHead : defaultCandidates[first - 1];
  if (branch === undefined || tip === undefined)
    return { base: undefined, skipped: 'no default branch to compare with (origin/HEAD, main or master)' };
  return baseOrSkip(branch, head === tip, commit, facts.shallow);
}

/** The merge base with the first of `names` whose commit is known (`tips`), asked for now. */
async function mergeBaseWith(
  cwd: string,
  head: string,
  tips: readonly (string | undefined)[],
  names: readonly string[],
  shallow: boolean,
): Promise<ResolvedBase> {
  const index = tips.findIndex((tip) => tip !== undefined);
  const tip = tips[index];
  const branch = names[index];
  if (tip === undefined || branch === undefined)
    return { base: undefined, skipped: 'no default branch to compare with (origin/HEAD, main or master)' };
  return baseOrSkip(branch, head === tip, head === tip ? undefined : await mergeBase(cwd, tip), shallow);
}

function baseOrSkip(branch: string, onIt: boolean, commit: string | undefined, shallow: boolean): ResolvedBase {
  if (onIt) return { base: undefined, skipped: 'on the default branch: nothing to compare' };
  if (commit !== undefined) return { base: { ref: branch, commit } };
  return {
    base: undefined,
    skipped: shallow
      ? `a shallow clone without the merge base of HEAD and ${branch} (fetch-depth: 0 fetches it)`
      : `HEAD and ${branch} share no history`,
  };
}

function notAWorkTree(cwd: string, named: NamedBase | undefined): ResolvedBase {
  if (named === undefined) return { base: undefined, skipped: 'not a git work tree: no base to compare with' };
  throw notInWorkTree(cwd, named);
}

function notInWorkTree(cwd: string, named: NamedBase): HarnessError {
  return new HarnessError('USAGE', `${named.how}: compares with git history, and ${cwd} is not in a git work tree`, {
    fix: 'Run harness check inside the repository.',
  });
}

/**
 * The commit each name resolves to (`rev-parse --verify NAME^{commit}`'s answer), asked in one
 * `git cat-file --batch-check`; undefined when `cwd` is in no repository at all.
 */
async function commitsOf(cwd: string, names: readonly string[]): Promise<(string | undefined)[] | undefined> {
  // A line is one name to batch-check: a name with a line break is no ref, and is not asked.
  const asked = names.filter((name) => !/[\r\n]/.test(name));
  const input = asked.map((name) => `${name}^{commit}\n`).join('');
  const result = await runGit(cwd, ['cat-file', '--batch-check'], { input, okCodes: [128] });
  if (result.code !== 0) return undefined;
  const lines = result.stdout.split('\n');
  const found = new Map(asked.map((name, i) => [name, /^([0-9a-f]{40,64}) commit \d+$/.exec(lines[i] ?? '')?.[1]]));
  return names.map((name) => found.get(name));
}

interface WorkTreeFacts {
  shallow: boolean;
  /** What origin/HEAD names, as `symbolic-ref --short` says it (`origin/main`); `origin/HEAD` for a plain ref. */
  originHead: string | undefined;
}

/**
 * One `git rev-parse`: undefined outside a work tree (a bare repository, inside .git); else whether
 * the clone is shallow, and (when asked) what origin/HEAD names.
 */
async function workTreeFacts(cwd: string, askOriginHead: boolean): Promise<WorkTreeFacts | undefined> {
  const args = ['rev-parse', '--show-toplevel', '--is-shallow-repository'];
  // `loose` shortens as symbolic-ref --short does (rev-parse's default may spell it longer).
  if (askOriginHead) args.push('--abbrev-ref=loose', '--verify', '--quiet', 'refs/remotes/origin/HEAD');
  const result = await runGit(cwd, args, { okCodes: [1, 128] });
  const [top = '', shallow, originHead = ''] = result.stdout.split('\n').map((line) => line.trim());
  if (result.code === 128 || top === '') return undefined;
  return { shallow: shallow === 'true', originHead: result.code === 0 && originHead !== '' ? originHead : undefined };
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

async function namedBaseCommit(cwd: string, named: NamedBase, tips: readonly (string | undefined)[]): Promise<BaseRef> {
  const ref = named.candidates[tips.findIndex((tip) => tip !== undefined)];
  const [facts, commit] = await Promise.all([
    workTreeFacts(cwd, false),
    ref === undefined ? undefined : mergeBase(cwd, ref),
  ]);
  if (facts === undefined) throw notInWorkTree(cwd, named);
  if (ref === undefined) {
    if (facts.shallow)
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
  if (commit !== undefined) return { ref, commit };
  if (facts.shallow)
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
