export { faults } from './faults.js';
export type { GithubStandin } from './github-standin.js';
export { startGithubStandin } from './github-standin.js';
export { createRequestValidator } from './request-validator.js';
export type { NewIssue } from './routes/issue-store.js';
export { addIssue, issuesOf } from './routes/issue-store.js';
export type { StoredPull } from './routes/pull-store.js';
export { addPull, pullsOf } from './routes/pull-store.js';
export type { StandinRepository } from './state-store.js';
