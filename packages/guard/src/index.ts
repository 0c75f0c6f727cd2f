// agent-harness-guard: a change may not loosen its own guardrails (docs/guard.md).
export type { GuardInput, GuardSnapshot, GuardSurface, Loosening, SurfaceComparer } from './guard-types.js';
export { commitSnapshot, memorySnapshot, workTreeSnapshot } from './snapshots.js';
export type { ReportLooseningsInput } from './report-loosenings.js';
export { reportLoosenings } from './report-loosenings.js';
export { judgeChange } from './judge-change.js';
