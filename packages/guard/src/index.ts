// agent-harness-guard: a change may not loosen its own guardrails (docs/guard.md).
export type { GuardInput, GuardSnapshot, GuardSurface, Loosening, SurfaceComparer } from './guard-types.js';
export { commitSnapshot, memorySnapshot, workTreeSnapshot } from './snapshots.js';
export type { Acceptance, AcceptInput, OpenLoosening } from './accept-loosenings.js';
export { acceptLoosenings } from './accept-loosenings.js';
export type { Codeowners, CodeownersRule } from './codeowners.js';
export { codeownersLocations, ownersOf, parseCodeowners, readCodeowners } from './codeowners.js';
