// agent-harness-guard: a change may not loosen its own guardrails (docs/guard.md).
export type { Loosening } from './guard-types.js';
export { reportLoosenings } from './report-loosenings.js';
export { judgeChange } from './judge-change.js';
