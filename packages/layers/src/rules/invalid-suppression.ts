// layers/invalid-suppression: a `harness-ignore layers/…` comment without a reason or with an unknown rule.
import { closestWord } from 'agent-harness-diagnostics';
import type { MetaRule, RuleVerdict } from './layer-rule.js';

export const invalidSuppression: MetaRule = {
  id: 'invalid-suppression',
  kind: 'meta',
  severity: 'error',
  finds: 'a harness-ignore comment with no reason or an unknown rule',
  why: 'A suppression must say why and name a real rule, or it silences by accident.',
  fix: 'Name a rule of docs/rules/layers.md and give the reason after a colon.',
  docs: 'docs/rules/layers.md#invalid-suppression',
};

export function describeInvalidSuppression(rule: string, knownRules: readonly string[]): RuleVerdict {
  if (!knownRules.includes(rule)) {
    const guess = closestWord(knownRules, rule);
    return {
      message: `harness-ignore names an unknown rule "${rule}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
      fix: `Write one of ${knownRules.join(', ')} after harness-ignore, followed by ": <reason>".`,
    };
  }
  return {
    message: `harness-ignore ${rule} has no reason: every suppression says why the import is acceptable.`,
    fix: `Write the reason after a colon: // harness-ignore ${rule}: <why this import is acceptable>.`,
  };
}
