// docs/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
import type { BaselineEntry } from '@harness/diagnostics';
import type { MetaRule } from './docs-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  summary: 'a baseline entry that no longer matches any finding',
};

export function describeStaleEntry(entry: BaselineEntry, baselinePath: string): { message: string; fix: string } {
  const what = entry.target === '' ? entry.file : `${entry.file} → ${entry.target}`;
  return {
    message: `the baseline still accepts ${entry.rule} for ${what}, but that finding is gone (fixed or moved away).`,
    fix: `Run \`harness check docs --update-baseline\` to drop the entry from ${baselinePath}, and commit the smaller baseline.`,
  };
}
