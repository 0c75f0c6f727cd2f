// docs/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
// The finding itself is made by settleBaseline in @harness/diagnostics, shared with layers.
import type { MetaRule } from './docs-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  summary: 'a baseline entry that no longer matches any finding',
};
