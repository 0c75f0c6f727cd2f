// What one issue's work needs from the outside world, as adapters: git, GitHub,
// the agent process, the check gate, the clock, and the state sink.
import type { FactoryConfig } from 'agent-harness-config';
import type { Env } from 'agent-harness-system';
import type { GitAdapter } from './git-adapter.js';
import type { IssueRecord } from './factory-state.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { PromptTemplate } from './prompt-template.js';
import type { PullGateway } from './pull-gateway.js';
import type { Backoff } from './turn-policy.js';
import type { AgentRun, RunAgentOptions } from './run-agent.js';

/** A `guard/loosened` finding: a guardrail the change loosens (docs/guard.md). */
export interface GuardFinding {
  file: string;
  line?: number;
  message: string;
  fix: string;
}

export interface GateResult {
  ok: boolean;
  report: string;
  /** Guardrails the change loosens: only a person accepts them, so the loop hands the PR over. */
  guard?: GuardFinding[];
  /** With guard findings: whether everything else is green (then the branch is pushed for the person to review). */
  okApartFromGuard?: boolean;
}

export interface CheckGate {
  /** `harness check` in the worktree: green or not, with a report the agent can read. */
  (worktree: string): Promise<GateResult>;
}

export interface FactoryContext {
  root: string;
  config: FactoryConfig;
  env: Env;
  git: GitAdapter;
  pulls: PullGateway;
  runAgent: (options: RunAgentOptions) => Promise<AgentRun>;
  check: CheckGate;
  /** Runs after a worktree is made, before the agent: `harness up` when the repo has compose. */
  prepare?: (worktree: string) => Promise<void>;
  /** Runs when an issue's work ends (merged or parked): `harness down --volumes` when the repo has compose. */
  release?: (worktree: string) => Promise<void>;
  now: () => Date;
  /** The wait before retrying a failed or red turn (10 s × 2^(n-1), at most 5 min). */
  backoff?: Backoff | undefined;
  /** Keeps a merged or parked issue's worktree (--keep); its compose stack still goes down. */
  keepWorktrees?: boolean | undefined;
  /** WORKFLOW.md's body from the base branch, when the repository has one (workflow-file.ts). */
  prompt?: PromptTemplate | undefined;
  /** Dispatch mode: the leases through which loops on several machines share the repository (lease-keeper.ts). */
  leases?: LeaseKeeper | undefined;
  /** Persists the whole state (atomically); called before and after every side effect. */
  save: () => void;
  event: (record: IssueRecord, event: string, detail?: Record<string, unknown>) => void;
}
