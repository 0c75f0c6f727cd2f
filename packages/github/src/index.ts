export type { GithubClient, GithubClientOptions, GithubOctokit, GithubResponse, WaitEvent } from './github-client.js';
export { apiUrlFrom, createGithubClient, defaultApiUrl, requireToken } from './github-client.js';
export type { GithubErrorContext } from './github-errors.js';
export { githubMessage, isRateLimited, toHarnessError, tokenFix } from './github-errors.js';
export { readOriginUrl } from './git-remote.js';
export type { JsonObject, RulesetSummary } from './repo-rulesets.js';
export { createRuleset, deleteRuleset, getRuleset, listRulesets, updateRuleset } from './repo-rulesets.js';
export type { Repository, ResolveRepositoryOptions } from './repository.js';
export { formatRepository, parseRemoteUrl, parseRepository, resolveRepository } from './repository.js';
