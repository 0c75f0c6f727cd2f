// What `harness check guard` does once it has a base: read both sides, run every comparer, and turn
// each loosening into a `guard/loosened` finding (docs/guard.md).
import type { CheckOutcome } from 'agent-harness-config';
import type { Severity } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { configFileName } from 'agent-harness-config';
import { surfaceComparers } from './comparers.js';
import { buildGuardInput } from './guard-input.js';
import { loosenedDiagnostic } from './guard-rules.js';
import type { Loosening } from './guard-types.js';

export async function runGuard(
  root: string,
  base: { ref: string; commit: string },
  env: Env = {},
  ruleDefaults?: ReadonlyMap<string, Severity>,
): Promise<CheckOutcome> {
  return (await guardReport(root, base, env, ruleDefaults)).outcome;
}

/** The guard's outcome, with the loosenings behind it: still open, or accepted by a code owner (and whom). */
export interface GuardReport {
  outcome: CheckOutcome;
  open: readonly Loosening[];
  accepted: readonly { loosening: Loosening; by: readonly string[] }[];
}

/** What runGuard reports, and which loosenings a code owner accepted (for judging the change: judge-change.ts). */
export async function guardReport(
  root: string,
  base: { ref: string; commit: string },
  env: Env = {},
  ruleDefaults?: ReadonlyMap<string, Severity>,
): Promise<GuardReport> {
  const { input, baseConfigProblem } = await buildGuardInput(root, base);
  if (ruleDefaults !== undefined) input.ruleDefaults = ruleDefaults;
  const none = { open: [], accepted: [] };
  if (baseConfigProblem !== undefined)
    return {
      outcome: {
        diagnostics: [],
        skipped: `the base's config is not valid (${baseConfigProblem}): nothing to compare`,
      },
      ...none,
    };
  if (input.baseConfig === undefined)
    return {
      outcome: {
        diagnostics: [],
        skipped: `no ${configFileName} on ${input.base.label}: nothing to compare; this change adds harness`,
      },
      ...none,
    };
  const found = await Promise.all(surfaceComparers.map((compare) => compare(input)));
  const loosenings = dedupe(found.flat());
  if (loosenings.length === 0) return { outcome: { diagnostics: [], files: input.changedFiles.length }, ...none };
  // A code owner's approval accepts a loosening (docs/guard.md#accepting-a-loosening); loaded only when needed.
  const { acceptLoosenings } = await import('./accept-loosenings.js');
  const { open, accepted, notes } = await acceptLoosenings({ root, baseSnapshot: input.base, loosenings, env });
  const diagnostics = open.map((l) => loosenedDiagnostic(l, l.fix));
  const outcome = { diagnostics, files: input.changedFiles.length, ...(notes.length > 0 ? { notes } : {}) };
  return { outcome, open, accepted };
}

/** Two comparers may see the same line the same way; one finding each. */
function dedupe(loosenings: readonly Loosening[]): Loosening[] {
  const seen = new Set<string>();
  return loosenings.filter((l) => {
    const key = `${l.file}\0${l.line}\0${l.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
