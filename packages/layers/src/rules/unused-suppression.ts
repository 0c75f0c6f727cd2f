// layers/unused-suppression: a `harness-ignore` comment that silences nothing any more.
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const unusedSuppression: MetaRule = {
  id: 'unused-suppression',
  kind: 'meta',
  severity: 'error',
  finds: 'a harness-ignore comment that no longer silences any finding',
  why: 'A suppression that silences nothing would excuse a future violation without review.',
  fix: 'Delete the comment, or move it to the line before the import it guards.',
  docs: 'docs/rules/layers.md#unused-suppression',
};

export function describeUnusedSuppression(rule: string, line: number): RuleVerdict {
  return {
    message: `the harness-ignore comment for ${rule} silences nothing: the line after it has no ${rule} finding any more.`,
    fix: `Delete the comment on line ${line}; if the import it guarded moved, put the comment on the line right before the import instead.`,
  };
}
