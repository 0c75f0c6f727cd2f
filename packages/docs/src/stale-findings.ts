// docs/stale's clock: the rule (rules/stale.ts) finds the docs whose code changed after them, and
// this module turns those that have been unchanged for docs.staleAfterDays into findings. Apart, so
// that a run whose findings are kept (result-cache.ts) applies today's clock without the rule.
import type { Finding } from './rules/docs-rule.js';

const day = 86_400;

/**
 * A doc with code it points to that changed after it, whatever the clock says: the part of the rule
 * that the result cache keeps (result-cache.ts); staleFindings applies the clock.
 */
export interface StaleCandidate {
  file: string;
  /** When the doc last changed (Unix seconds). */
  docTime: number;
  /** The newest three changed paths with their dates, as the message shows them. */
  shown: string;
  changed: number;
  newest: string;
}

/** The candidates unchanged for `limit` days at `now` (Unix seconds). */
export function staleFindings(candidates: readonly StaleCandidate[], now: number, limit: number): Finding[] {
  const findings: Finding[] = [];
  for (const { file, docTime, shown, changed, newest } of candidates) {
    if (now - docTime < limit * day) continue;
    const more = changed > 3 ? ` and ${changed - 3} more` : '';
    findings.push({
      rule: 'stale',
      severity: 'warning',
      file,
      message: `${file} last changed on ${formatDate(docTime)}, ${Math.floor((now - docTime) / day)} days ago (docs.staleAfterDays is ${limit}), but code it points to changed since: ${shown}${more}.`,
      fix: `Read ${newest} and bring ${file} up to date with it (commit the doc even if only a "last reviewed" line changes), or remove links to code it no longer describes.`,
    });
  }
  return findings;
}

/** The UTC date of a time in Unix seconds, 2026-01-31. */
export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
