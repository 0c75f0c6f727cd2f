// Judged by the base's config, a glob of it that selects nothing in the change (the change deleted or
// moved the folder) is not the change's config error (exit 2): it is a `guard/loosened` finding to
// review, since that part of the base's rules now judges nothing (docs/guard.md, "Judged by the base").
// A check returns such globs in CheckOutcome.unmatchedGlobs; this turns them into findings.
import type { Check } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import type { BaseCommit } from './base-config.js';
import { baseLabel } from './base-config.js';

/** The check, reporting the base's unmatched globs as guard findings at their line of the base's config file. */
export function reportingUnmatchedGlobs(
  check: Check,
  base: BaseCommit,
  baseFile: { path: string; text: string },
): Check {
  return {
    ...check,
    async run(context) {
      const { unmatchedGlobs, ...outcome } = await check.run(context);
      if (unmatchedGlobs === undefined || unmatchedGlobs.length === 0) return outcome;
      const found = unmatchedGlobs.map(({ key, glob }) => unmatchedGlobFinding(key, glob, base, baseFile));
      return { ...outcome, diagnostics: [...outcome.diagnostics, ...found] };
    },
  };
}

export function unmatchedGlobFinding(
  key: string,
  glob: string,
  base: BaseCommit,
  baseFile: { path: string; text: string },
): Diagnostic {
  return {
    check: 'guard',
    rule: 'guard/loosened',
    severity: 'error',
    file: baseFile.path,
    line: lineOf(baseFile.text, glob),
    message: `${key}: "${glob}" from ${baseLabel(base)} matches no file in this change; the folder was deleted or moved, so that rule judges nothing.`,
    fix: `Update ${baseFile.path} in a separate reviewed change (or a code owner of ${baseFile.path} approves this pull request; with GITHUB_TOKEN set, \`harness check\` then accepts it: docs/guard.md#accepting-a-loosening).`,
    docs: 'docs/guard.md#judged-by-the-base',
  };
}

/** The 1-based line of the base's config that holds the glob (the first one), else 1. */
function lineOf(text: string, glob: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(glob));
  return index === -1 ? 1 : index + 1;
}
