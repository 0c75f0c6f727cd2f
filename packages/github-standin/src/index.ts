export type { Fault } from './faults.js';
export { faults } from './faults.js';
export type { GithubStandin, RecordedRequest, StandinOptions } from './github-standin.js';
export { startGithubStandin } from './github-standin.js';
export type { OpenApiDescription } from './openapi-description.js';
export { loadOpenApiDescription, matchPathTemplate } from './openapi-description.js';
export type { RequestValidator, ValidatedRequest } from './request-validator.js';
export { createRequestValidator } from './request-validator.js';
export type { Route, RouteRequest, RouteResponse } from './route-table.js';
export { actionsRoutes } from './routes/actions-routes.js';
export { branchRuleRoutes, branchRules } from './routes/branch-rule-routes.js';
export { issueRoutes } from './routes/issue-routes.js';
export type { IssueState, NewIssue, StoredComment, StoredIssue } from './routes/issue-store.js';
export { addIssue, issuesOf } from './routes/issue-store.js';
export { pullRoutes } from './routes/pull-routes.js';
export type {
  PullState,
  StoredCheckRun,
  StoredPull,
  StoredReview,
  StoredReviewThread,
  StoredStatus,
} from './routes/pull-store.js';
export { addPull, pullsOf } from './routes/pull-store.js';
export { rulesetRoutes } from './routes/ruleset-routes.js';
export type { JsonObject, RepositoryOptions, StandinRepository, StoredRuleset, TokenGrant } from './state-store.js';
export { StateStore } from './state-store.js';
