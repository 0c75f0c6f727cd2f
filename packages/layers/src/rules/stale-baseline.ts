// layers/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
// The finding itself is made by settleBaseline in @harness/diagnostics, shared with docs.
import type { MetaRule } from './layer-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  kind: 'meta',
  summary: 'a baseline entry that no longer matches any finding',
};
