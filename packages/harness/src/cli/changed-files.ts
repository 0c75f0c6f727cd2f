// `harness check --changed [REF]` (docs/contract.md, "harness check --changed"): the files changed
// since REF, or since the merge base with the default branch (origin/HEAD, else main, else master):
// committed, staged, unstaged and untracked alike, as a pre-push hook or an editor needs them.
// A shallow clone without the base is an error, never an empty list: a check that judged nothing
// must not pass. Every git call goes through agent-harness-system.
// Spec: https://git-scm.com/docs/git-merge-base, https://git-scm.com/docs/git-diff
import type { ResultDocument } from 'agent-harness-diagnostics';
import { createResultDocument, HarnessError } from 'agent-harness-diagnostics';
import { gitLine, runGit, splitNul } from 'agent-harness-system';
import { defaultBranch, isCommit, isShallow, mergeBase as mergeBaseOf } from './base-ref.js';

export interface ChangedFiles {
  /** Repository-relative, `/`-separated. */
  files: Set<string>;
  /** What the files were compared with, as the user reads it: `main`, `origin/main`, `HEAD~2`. */
  base: string;
  /** The commit compared with (the merge base, or REF itself). */
  commit: string | undefined;
}

const shallowFix =
  'Fetch the history: `git fetch --unshallow` (in GitHub Actions, actions/checkout with `fetch-depth: 0`), or name a base the clone has: `--changed <ref>`.';

/** The changed files of the git work tree holding `cwd`; `ref` undefined or '' means the default base. */
export async function changedFiles(cwd: string, ref: string | undefined): Promise<ChangedFiles> {
  const root = await gitLine(cwd, ['rev-parse', '--show-toplevel'], {
    fix: '--changed compares with git history: run it inside a git work tree.',
  });
  const explicit = ref !== undefined && ref !== '';
  if (explicit && ref.startsWith('-'))
    throw new HarnessError('USAGE', `--changed ${ref}: a ref may not start with "-"`, { fix: 'Name a commit.' });
  if (!(await isCommit(root, 'HEAD'))) {
    // No commit yet: every file is new.
    return { files: new Set(await untracked(root)), base: 'an empty repository', commit: undefined };
  }
  const base = explicit ? ref : await defaultBase(root);
  if (!(await isCommit(root, base))) throw await missingBase(root, base);
  const commit = explicit
    ? await gitLine(root, ['rev-parse', '--verify', `${base}^{commit}`])
    : await mergeBase(root, base);
  const diff = await runGit(root, [
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--no-ext-diff',
    '--no-relative',
    '--diff-filter=d',
    commit,
    '--',
  ]);
  return { files: new Set([...splitNul(diff.stdout), ...(await untracked(root))]), base, commit };
}

async function untracked(root: string): Promise<string[]> {
  return splitNul((await runGit(root, ['ls-files', '-z', '--others', '--exclude-standard'])).stdout);
}

/** The default branch (base-ref.ts), or the error --changed gives when there is none. */
async function defaultBase(root: string): Promise<string> {
  const branch = await defaultBranch(root);
  if (branch !== undefined) return branch;
  if (await isShallow(root)) throw shallowError('the default branch (origin/HEAD, main or master)');
  throw new HarnessError('USAGE', '--changed: no default branch to compare with (no origin/HEAD, main or master)', {
    fix: 'Name the base: `harness check --changed <ref>`, or set origin/HEAD with `git remote set-head origin --auto`.',
  });
}

async function mergeBase(root: string, base: string): Promise<string> {
  const commit = await mergeBaseOf(root, base);
  if (commit !== undefined) return commit;
  if (await isShallow(root)) throw shallowError(`the merge base of HEAD and ${base}`);
  throw new HarnessError('USAGE', `--changed: HEAD and ${base} share no history`, {
    fix: 'Name the base to compare with: `harness check --changed <ref>`.',
  });
}

async function missingBase(root: string, base: string): Promise<HarnessError> {
  if (await isShallow(root)) return shallowError(base);
  return new HarnessError('USAGE', `--changed: "${base}" is not a commit in this repository`, {
    fix: `Name a branch, tag or commit (\`--changed origin/main\`). To run one check on the changed files, put its name first: \`harness check ${base} --changed\`.`,
  });
}

function shallowError(what: string): HarnessError {
  return new HarnessError(
    'GIT_FAILED',
    `--changed: this is a shallow clone without ${what}, so the changed files are unknown`,
    { fix: shallowFix },
  );
}

/** The stderr note: how many files changed and since what. */
export function describeChanged(changed: ChangedFiles, hidden: number): string {
  const count = changed.files.size;
  const since = changed.commit === undefined ? changed.base : `${changed.base} (${changed.commit.slice(0, 12)})`;
  const files = `${count} ${count === 1 ? 'file' : 'files'} changed since ${since}`;
  return `--changed: ${files}; ${hidden} ${hidden === 1 ? 'finding' : 'findings'} in files not changed are not shown.`;
}

/** The document with only the findings in changed files; each check is ok again when no error of it is left. */
export function keepChanged(document: ResultDocument, changed: ChangedFiles): ResultDocument {
  const kept = document.diagnostics.filter((d) => changed.files.has(d.file));
  const checks = document.checks.map((c) =>
    c.ok || kept.some((d) => d.check === c.name && d.severity === 'error') ? c : { ...c, ok: true },
  );
  return createResultDocument(checks, kept);
}

/**
 * The files each check's findings can be in: layers reports on sources, docs on markdown, and both on
 * their baselines (JSON). A check not listed here always runs.
 */
const reportsOn: Readonly<Record<string, RegExp>> = {
  layers: /\.(?:[cm]?[jt]sx?|json)$/i,
  docs: /\.(?:md|mdx|markdown|json)$/i,
};

/**
 * Why a check can be left out of a --changed run: none of the changed files is one it reports on,
 * so it could add no finding. A changed harness.config.yaml runs every check.
 */
export function skipUnchanged(changed: ChangedFiles): (checkName: string) => string | undefined {
  const files = [...changed.files];
  const config = files.some((f) => /(^|\/)harness\.config\.ya?ml$/.test(f));
  return (name) => {
    const pattern = reportsOn[name];
    if (config || pattern === undefined || files.some((f) => pattern.test(f))) return undefined;
    return '--changed: no changed file is one it reports on';
  };
}
