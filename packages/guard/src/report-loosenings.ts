// Loosenings found outside the guard's comparers, reported like the guard's own: accepted by a code
// owner's approval (docs/guard.md#accepting-a-loosening), else a `guard/loosened` finding whose fix
// says how. The one today: a glob of the base's config that matches nothing in the change, which only
// the check that lists the change's files can tell (docs/guard.md, "Judged by the base").
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { loosenedDiagnostic } from './guard-rules.js';
import type { Loosening } from './guard-types.js';
import { commitSnapshot } from './snapshots.js';

export interface ReportLooseningsInput {
  root: string;
  base: { ref: string; commit: string };
  loosenings: readonly Loosening[];
  env: Env;
}

/** The open loosenings as findings, and a note for each one a code owner accepted. */
export async function reportLoosenings(
  input: ReportLooseningsInput,
): Promise<{ diagnostics: Diagnostic[]; notes: string[] }> {
  if (input.loosenings.length === 0) return { diagnostics: [], notes: [] };
  const { root, base, loosenings, env } = input;
  const baseSnapshot = commitSnapshot(root, base.commit, `${base.ref} (${base.commit.slice(0, 7)})`);
  const { acceptLoosenings } = await import('./accept-loosenings.js');
  const { open, notes } = await acceptLoosenings({ root, baseSnapshot, loosenings, env });
  return { diagnostics: open.map((l) => loosenedDiagnostic(l, l.fix)), notes };
}
