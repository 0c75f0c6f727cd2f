// What every comparer reads: both sides of the change, the files that differ, and each side's
// harness.config.yaml parsed with the same validation `harness check` uses.
// Spec: https://git-scm.com/docs/git-diff (--name-only -z --no-renames <commit>: commit against the working tree)
import { configError, configFileName, validateConfig } from 'agent-harness-config';
import type { ConfigProblem, HarnessConfig } from 'agent-harness-config';
import { runGit, splitNul } from 'agent-harness-system';
import type { GuardInput, GuardSnapshot } from './guard-types.js';
import { commitSnapshot, workTreeSnapshot } from './snapshots.js';

export interface GuardSetup {
  input: GuardInput;
  /** Why the base's harness.config.yaml could not be read (then `input.baseConfig` is undefined). */
  baseConfigProblem: string | undefined;
}

/**
 * Builds the comparers' input for the working tree of `root` against `base`. A head config that does
 * not validate is CONFIG_INVALID (exit 2, as for every check); a base config that does not validate
 * only says why in `baseConfigProblem`: the change is not to blame for its base.
 */
export async function buildGuardInput(root: string, base: { ref: string; commit: string }): Promise<GuardSetup> {
  const baseSide = commitSnapshot(root, base.commit, `${base.ref} (${base.commit.slice(0, 7)})`);
  const headSide = workTreeSnapshot(root);
  const [changedFiles, baseRead, headRead] = await Promise.all([
    listChangedFiles(root, base.commit),
    readSideConfig(baseSide),
    readSideConfig(headSide),
  ]);
  if (headRead.problems !== undefined) throw configError(headRead.problems);
  const input: GuardInput = {
    root,
    baseRef: base.ref,
    baseCommit: base.commit,
    base: baseSide,
    head: headSide,
    changedFiles,
    baseConfig: baseRead.config,
    headConfig: headRead.config,
  };
  const first = baseRead.problems?.[0];
  const baseConfigProblem =
    first === undefined
      ? undefined
      : `${configFileName}:${first.line} on ${baseSide.label}: ${first.key}: ${first.message}`;
  return { input, baseConfigProblem };
}

/** Tracked files that differ from `commit` (added, modified, deleted), plus untracked files git does not ignore. */
async function listChangedFiles(root: string, commit: string): Promise<string[]> {
  const [diff, untracked] = await Promise.all([
    runGit(root, ['diff', '--name-only', '-z', '--no-renames', commit, '--']),
    runGit(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  return [...new Set([...splitNul(diff.stdout), ...splitNul(untracked.stdout)])].sort();
}

type SideConfig =
  | { config: HarnessConfig | undefined; problems: undefined }
  | { config: undefined; problems: ConfigProblem[] };

async function readSideConfig(side: GuardSnapshot): Promise<SideConfig> {
  const text = await side.readFile(configFileName);
  if (text === undefined) return { config: undefined, problems: undefined };
  const result = validateConfig(text, configFileName);
  return result.ok ? { config: result.config, problems: undefined } : { config: undefined, problems: result.problems };
}
