// agent-harness-guard: a change may not loosen its own guardrails (docs/guard.md).
export type { GuardInput, GuardSnapshot, GuardSurface, Loosening, SurfaceComparer } from './guard-types.js';
export { commitSnapshot, memorySnapshot, workTreeSnapshot } from './snapshots.js';
