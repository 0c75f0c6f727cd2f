export { runChecks, selectChecks } from './run-checks.js';
export { registeredChecks } from './registered-checks.js';
export type { BaseConfigFile } from './unmatched-globs.js';
export { reportingUnmatchedGlobs } from './unmatched-globs.js';
