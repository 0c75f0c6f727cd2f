// layers/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
// The finding itself is made by settleBaseline in agent-harness-diagnostics, shared with docs.
import type { MetaRule } from './layer-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  kind: 'meta',
  severity: 'error',
  finds: 'a baseline entry that no longer matches any finding',
  why: 'The baseline only shrinks; an entry that matches nothing would let the same violation back in unseen.',
  fix: 'Run `harness check layers --update-baseline` and commit the smaller baseline.',
  docs: 'docs/rules/layers.md#stale-baseline',
};
