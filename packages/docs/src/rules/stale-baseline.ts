// docs/stale-baseline: a baseline entry that matches no current finding (the baseline only shrinks).
// The finding itself is made by settleBaseline in agent-harness-diagnostics, shared with layers.
import type { MetaRule } from './docs-rule.js';

export const staleBaseline: MetaRule = {
  id: 'stale-baseline',
  severity: 'error',
  finds: 'a baseline entry that no longer matches any finding',
  why: 'The baseline only shrinks; an entry that matches nothing would let the same finding back in unseen.',
  fix: 'Run `harness check docs --update-baseline` and commit the smaller baseline.',
  docs: 'docs/rules/docs.md#stale-baseline',
};
