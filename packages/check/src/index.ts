export { collectRuleDefaults } from './rule-severities.js';
export { runChecks, selectChecks } from './run-checks.js';
export { registeredChecks } from './registered-checks.js';
export { reportingUnmatchedGlobs } from './unmatched-globs.js';
