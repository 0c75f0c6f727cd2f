// Judged by the base, unless a code owner accepted the change's loosenings (docs/guard.md, "Judged by
// the base"): the base's harness.config.yaml judges unless the guard finds no open loosening in the
// change's (all approved, or it only tightens); a baseline whose growth was approved applies as the
// change wrote it. Decided once, before the checks run, from one run of the guard whose outcome the
// guard check then reports (no second GitHub round trip). A change that edits neither the config nor
// a baseline needs no decision, and its guard runs alongside the other checks as before.
// Spec: https://git-scm.com/docs/git-diff (--quiet <commit> -- <paths>: exit 1 when the working tree differs)
import { collectRuleDefaults, reportingUnmatchedGlobs } from 'agent-harness-check';
import type { Check, CheckOutcome, HarnessConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { runGit } from 'agent-harness-system';
import type { BaseCommit, JudgingInput } from './base-config.js';
import { judgingConfig } from './base-config.js';

export interface JudgedRun {
  /** The config every check runs with, and the checks (wrapped to report what judging needs). */
  config: HarnessConfig;
  checks: readonly Check[];
  /** CheckOptions.judgedByBase: the base whose baselines bound the change's, with the accepted ones. */
  judgedByBase: (BaseCommit & { acceptedBaselines?: readonly string[] }) | undefined;
  /** Which config judges, and why, for stderr. */
  note: string | undefined;
}

/** The config and checks of a run; `guardSkipped`: the guard check is not to run (`--changed`). */
export async function judgedRun(input: JudgingInput & { env: Env; guardSkipped: boolean }): Promise<JudgedRun> {
  const judging = await judgingConfig(input);
  const { judgedByBase: base, baseFile, note } = judging;
  if (base === undefined || baseFile === undefined)
    return { config: judging.config, checks: input.checks, judgedByBase: undefined, note };
  const configEdited = judging.configEdited === true;
  const byBase = (judged: BaseCommit, checks: readonly Check[]): JudgedRun => ({
    config: judging.config,
    checks: checks.map((c) => reportingUnmatchedGlobs(c, judged, baseFile)),
    judgedByBase: judged,
    note,
  });
  const baselines = baselinePaths(judging.config, input.changeConfig);
  if (!configEdited && !(await editedSince(input.root, base.commit, baselines))) return byBase(base, input.checks);
  const { judgeChange } = await import('agent-harness-guard');
  const ruleDefaults = await collectRuleDefaults(input.checks);
  const judgement = await judgeChange(input.root, base, input.env, { configEdited, ruleDefaults });
  const checks = input.checks.map((c) =>
    c.name === 'guard' && !input.guardSkipped ? reporting(c, judgement.guard) : c,
  );
  const judged = { ...base, acceptedBaselines: judgement.acceptedBaselines };
  if (judgement.changeConfig === undefined) return byBase(judged, checks);
  return {
    config: input.changeConfig,
    checks: checks.map((c) => failingOnUnmatchedGlobs(c, baseFile.path)),
    judgedByBase: judged,
    note: `harness check: the change's ${baseFile.path} judges: ${judgement.changeConfig} (docs/guard.md#judged-by-the-base).`,
  };
}

function baselinePaths(...configs: HarnessConfig[]): string[] {
  return [...new Set(configs.flatMap((c) => [c.layers?.baseline, c.docs?.baseline]))].filter(
    (p): p is string => p !== undefined,
  );
}

/** Whether a tracked file among `paths` differs between `commit` and the working tree (one git process). */
async function editedSince(root: string, commit: string, paths: readonly string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  // An untracked baseline is missed: the base's bounds it, which is the stricter side.
  const diff = await runGit(root, ['diff', '--quiet', commit, '--', ...paths.map((p) => `:(literal)${p}`)], {
    okCodes: [1],
  });
  return diff.code === 1;
}

/** The guard check, reporting the outcome the decision already computed. */
function reporting(check: Check, outcome: CheckOutcome): Check {
  return { ...check, run: () => Promise.resolve(outcome) };
}

/**
 * Judged by the change's own config, its globs that match nothing are its own error (exit 2, as
 * without a base): the checks only collect them while judgedByBase is set.
 */
function failingOnUnmatchedGlobs(check: Check, configPath: string): Check {
  return {
    ...check,
    async run(context) {
      const { unmatchedGlobs, ...outcome } = await check.run(context);
      const first = unmatchedGlobs?.[0];
      if (first === undefined) return outcome;
      throw new HarnessError('CONFIG_INVALID', `${first.key} "${first.glob}" matches no file in this change`, {
        place: { file: configPath, key: first.key },
        fix: 'Correct the glob (paths are relative to the repository root, like src/domains/*), or remove it.',
      });
    },
  };
}
