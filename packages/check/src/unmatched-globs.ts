// Judged by the base's config, a glob of it that selects nothing in the change (the change deleted or
// moved the folder) is not the change's config error (exit 2): that part of the base's rules now
// judges nothing, which is a loosening to review (docs/guard.md, "Judged by the base"). A check returns
// such globs in CheckOutcome.unmatchedGlobs, knowing nothing of the guard; this wrapper reports them
// through the guard, so a code owner's approval accepts them like any other loosening.
import type { Check, CheckOutcome } from 'agent-harness-config';
import type { Loosening } from 'agent-harness-guard';

export interface BaseConfigFile {
  /** Repository-relative path of the base's config file. */
  path: string;
  text: string;
}

/** The check, reporting the base's globs that match nothing as `guard/loosened` at their line of the base's config. */
export function reportingUnmatchedGlobs(
  check: Check,
  base: { ref: string; commit: string },
  file: BaseConfigFile,
): Check {
  return {
    ...check,
    async run(context) {
      const { unmatchedGlobs, ...outcome } = await check.run(context);
      if (unmatchedGlobs === undefined || unmatchedGlobs.length === 0) return outcome;
      const loosenings = unmatchedGlobs.map(({ key, glob }) => unmatchedGlobLoosening(key, glob, base, file));
      const { reportLoosenings } = await import('agent-harness-guard');
      const reported = await reportLoosenings({ root: context.root, base, loosenings, env: context.options.env ?? {} });
      return merge(outcome, reported);
    },
  };
}

function unmatchedGlobLoosening(
  key: string,
  glob: string,
  base: { ref: string; commit: string },
  file: BaseConfigFile,
): Loosening {
  const label = `${base.ref} (${base.commit.slice(0, 7)})`;
  return {
    surface: 'config',
    file: file.path,
    line: lineOf(file.text, glob),
    what: `${key}: "${glob}" from ${label} matches no file in this change; the folder was deleted or moved: update ${file.path} in a separate reviewed change`,
  };
}

function merge(
  outcome: CheckOutcome,
  reported: { diagnostics: CheckOutcome['diagnostics']; notes: string[] },
): CheckOutcome {
  const notes = [...(outcome.notes ?? []), ...reported.notes];
  return {
    ...outcome,
    diagnostics: [...outcome.diagnostics, ...reported.diagnostics],
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The 1-based line of the base's config that holds the glob (the first one), else 1. */
function lineOf(text: string, glob: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(glob));
  return index === -1 ? 1 : index + 1;
}
