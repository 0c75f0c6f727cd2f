// layers/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  kind: 'meta',
  summary: 'a baseline entry that no longer matches any finding',
};

export function describeStaleEntry(entry: { file: string; rule: string; target: string }, baselinePath: string): RuleVerdict {
  const what = entry.target === '' ? entry.file : `${entry.file} → ${entry.target}`;
  return {
    message: `the baseline still accepts ${entry.rule} for ${what}, but that finding is gone (fixed or moved away).`,
    fix: `Run \`harness check layers --update-baseline\` to drop the entry from ${baselinePath}, and commit the smaller baseline.`,
  };
}
