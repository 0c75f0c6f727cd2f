export type { AgentOutcome, OutcomeKind, ParsedOutcome } from './agent-outcome.js';
export { parseOutcome, sleepBounds } from './agent-outcome.js';
export type { FactoryState, IssuePhase, IssueRecord, PendingAction } from './factory-state.js';
export { appendEvent, readState, stateDir, writeState } from './factory-state.js';
export type { ApiIssue, Candidates, IssueSource } from './github-issues.js';
export { fetchCandidates, githubIssueSource } from './github-issues.js';
export { parseBodyDependencies } from './issue-dependencies.js';
export type { PlanFactoryOptions } from './plan-factory.js';
export { planFactory, renderPlanPretty } from './plan-factory.js';
export type { BlockerRef, CandidateIssue, FactoryPlan, PlanEntry } from './plan-issues.js';
export { findCycles, planIssues } from './plan-issues.js';
export type { AgentRun, RunAgentOptions } from './run-agent.js';
export { runAgent } from './run-agent.js';
export type { Backoff, TurnCounters, TurnDecision, TurnLimits, TurnResult } from './turn-policy.js';
export { backoffSeconds, decideAfterTurn, defaultBackoff, freshCounters } from './turn-policy.js';
export type { CheckGate, FactoryContext, GateResult, GuardFinding } from './factory-context.js';
export type { FactoryOptionsInput } from './factory-options.js';
export { factoryOptions } from './factory-options.js';
export type { FactoryStatus, IssueStatus } from './factory-status.js';
export { readFactoryStatus, renderStatusPretty } from './factory-status.js';
// The status page's documents (docs/factory.md "Status page"): users read them, no package here does.
/** @public docs/factory.md */
export type { FactoryEvent } from './factory-events.js';
/** @public docs/factory.md */
export type { IssueDetail, IssueDocument, IssueLease, TurnSummary } from './issue-detail.js';
/** @public docs/factory.md */
export { readIssueDetail } from './issue-detail.js';
export type { GitAdapter } from './git-adapter.js';
export { createGitAdapter } from './git-adapter.js';
export type { PullBundle, PullGateway, PullSummary, TurnState } from './pull-gateway.js';
export { githubPullGateway } from './pull-gateway.js';
export type { RunFactoryOptions } from './run-factory.js';
export { runFactory } from './run-factory.js';
export type { StatusPage } from './status-page.js';
export { renderStatusHtml, serveStatusPage } from './status-page.js';
export { createCheckGate } from './check-gate.js';
export type { MergeResult } from './merge-pull.js';
export { mergePull } from './merge-pull.js';
export { askLoopToMerge } from './merge-socket.js';
export type { FactoryTurnInput, FactoryTurnResult } from './factory-turn.js';
export { factoryTurn } from './factory-turn.js';
