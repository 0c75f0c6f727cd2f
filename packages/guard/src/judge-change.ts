// Which rules judge a change (docs/guard.md, "Judged by the base"): the base's harness.config.yaml and
// baselines, unless the guard finds no OPEN loosening in the change's own: every one was accepted by a
// code owner's approval (docs/guard.md#accepting-a-loosening), or there is none (the change only
// tightens). Then the change's file judges, so a wanted, approved loosening passes in the pull request
// that makes it, and a tightening applies at once. Decided from one run of the guard, whose outcome
// the guard check then reports as is (one GitHub round trip per run).
import type { CheckOutcome } from 'agent-harness-config';
import { configFileName } from 'agent-harness-config';
import type { Severity } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import type { GuardReport } from './run-guard.js';
import { guardReport } from './run-guard.js';

export interface ChangeJudgement {
  /** The guard check's outcome, computed once: report it as the guard check's. */
  guard: CheckOutcome;
  /**
   * Set when the change's harness.config.yaml judges (it was edited and no loosening in it is open):
   * why, for the person running the check (`its loosenings were approved by @lead`, `it only tightens`).
   */
  changeConfig?: string | undefined;
  /** Baseline files whose growth a code owner accepted (none still open): the change's file applies as written. */
  acceptedBaselines: string[];
}

/** Runs the guard once and decides which config and baselines judge the change. */
export async function judgeChange(
  root: string,
  base: { ref: string; commit: string },
  env: Env,
  change: { configEdited: boolean; ruleDefaults?: ReadonlyMap<string, Severity> | undefined },
): Promise<ChangeJudgement> {
  const report = await guardReport(root, base, env, change.ruleDefaults);
  return { guard: report.outcome, ...decideJudging(report, change.configEdited) };
}

/** The decision, from the guard's report alone. */
export function decideJudging(
  report: GuardReport,
  configEdited: boolean,
): Pick<ChangeJudgement, 'changeConfig' | 'acceptedBaselines'> {
  // A skipped guard compared nothing: the base judges (or already does not, for the same reason).
  if (report.outcome.skipped !== undefined) return { acceptedBaselines: [] };
  const isOpen = (surface: string, file: string) => report.open.some((l) => l.surface === surface && l.file === file);
  const accepted = (surface: string) => report.accepted.filter((a) => a.loosening.surface === surface);
  const acceptedBaselines = unique(accepted('baseline').map((a) => a.loosening.file)).filter(
    (file) => !isOpen('baseline', file),
  );
  if (!configEdited || isOpen('config', configFileName)) return { acceptedBaselines };
  const by = unique(accepted('config').flatMap((a) => (a.loosening.file === configFileName ? a.by : [])));
  const changeConfig = by.length > 0 ? `its loosenings were approved by ${by.join(', ')}` : 'it only tightens';
  return { changeConfig, acceptedBaselines };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
