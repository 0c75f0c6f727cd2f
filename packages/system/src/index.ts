// @harness/system: the only package that spawns processes or writes files (docs/architecture.md).
// Each section below is owned by one module; add exports to your section only.

// --- environment ---
export type { Env } from './env.js';

// --- processes and git ---

// --- files and locks ---
