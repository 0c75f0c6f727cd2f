export type { RunChecksInput, RunChecksResult } from './run-checks.js';
export { runChecks, selectChecks } from './run-checks.js';
export { registeredChecks } from './registered-checks.js';
