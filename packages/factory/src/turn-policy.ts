// What the loop does after one agent turn (docs/factory.md "Turns and brakes").
// Pure: counters in, counters and a decision out, so every brake is tested
// without a process or GitHub. Each brake escalates to a person.
import type { AgentOutcome } from './agent-outcome.js';

export interface TurnCounters {
  turns: number;
  consecutiveFailures: number;
  /** Turns in a row that ended with `harness check` red (reset only when the gate is green). */
  consecutiveRed: number;
  /** `continue`s in a row with no new commit on the PR head. */
  continuesWithoutCommit: number;
  /** `merged` claims GitHub did not confirm. */
  falseMergeClaims: number;
  tokens: number;
}

export const freshCounters = (): TurnCounters => ({
  turns: 0,
  consecutiveFailures: 0,
  consecutiveRed: 0,
  continuesWithoutCommit: 0,
  falseMergeClaims: 0,
  tokens: 0,
});

export interface TurnLimits {
  maxTurns: number;
  maxTokens?: number | undefined;
  /** 3: continues without a commit, failed turns in a row, turns in a row that ended red. */
  streak?: number;
  /** The wait before a retry: `baseSeconds × 2^(n-1)` after n failures (or red turns) in a row, at most `maxSeconds`. */
  backoff?: Backoff;
}

export interface Backoff {
  baseSeconds: number;
  maxSeconds: number;
}

/** As Symphony's retry queue: 10 s, 20 s, 40 s, … capped at 5 min. */
export const defaultBackoff: Backoff = { baseSeconds: 10, maxSeconds: 300 };

/** The wait before retry number `n` (1 = the first retry). */
export const backoffSeconds = (n: number, backoff: Backoff = defaultBackoff): number =>
  Math.min(backoff.baseSeconds * 2 ** Math.max(n - 1, 0), backoff.maxSeconds);

export type TurnResult =
  | {
      kind: 'answered';
      outcome: AgentOutcome;
      headBefore: string | undefined;
      headAfter: string | undefined;
      mergedOnGithub: boolean;
    }
  | { kind: 'failed'; reason: string }
  /** The agent's turn ended with `harness check` red; `counted` when the turn was already counted (implementing). */
  | { kind: 'red'; report: string; counted: boolean };

export type TurnDecision =
  | { action: 'again' }
  | { action: 'sleep'; seconds: number }
  | { action: 'human'; comment: string; brake?: string }
  | { action: 'done' }
  | { action: 'retry'; seconds: number; reason: string };

export function decideAfterTurn(
  before: TurnCounters,
  result: TurnResult,
  limits: TurnLimits,
): { counters: TurnCounters; decision: TurnDecision } {
  const streak = limits.streak ?? 3;
  const counted = result.kind === 'red' && result.counted;
  const counters: TurnCounters = {
    ...before,
    consecutiveRed: before.consecutiveRed ?? 0,
    turns: before.turns + (counted ? 0 : 1),
  };
  let decision: TurnDecision;
  if (result.kind === 'failed') {
    counters.consecutiveFailures += 1;
    decision =
      counters.consecutiveFailures >= streak
        ? brake(`${counters.consecutiveFailures} failed turns in a row; the last: ${result.reason}`, 'failures')
        : retry(counters.consecutiveFailures, result.reason, limits.backoff);
  } else if (result.kind === 'red') {
    counters.consecutiveRed += 1;
    decision =
      counters.consecutiveRed >= streak
        ? brake(
            `${counters.consecutiveRed} turns in a row ended with \`harness check\` red; the last report:\n${result.report}`,
            'red',
          )
        : retry(counters.consecutiveRed, `harness check failed, nothing was pushed:\n${result.report}`, limits.backoff);
  } else {
    counters.consecutiveFailures = 0;
    counters.tokens += result.outcome.tokens ?? 0;
    const committed = result.headAfter !== undefined && result.headAfter !== result.headBefore;
    decision = afterAnswer(counters, result.outcome, committed, result.mergedOnGithub, streak);
  }
  if (decision.action !== 'done' && decision.action !== 'human') {
    if (limits.maxTokens !== undefined && counters.tokens > limits.maxTokens)
      decision = brake(`the token budget is spent (${counters.tokens} of ${limits.maxTokens})`, 'tokens');
    else if (counters.turns >= limits.maxTurns)
      decision = brake(`the turn budget is spent (${counters.turns} of ${limits.maxTurns})`, 'turns');
  }
  return { counters, decision };
}

function afterAnswer(
  counters: TurnCounters,
  outcome: AgentOutcome,
  committed: boolean,
  mergedOnGithub: boolean,
  streak: number,
): TurnDecision {
  switch (outcome.outcome) {
    case 'merged':
      if (mergedOnGithub) return { action: 'done' };
      counters.falseMergeClaims += 1;
      return counters.falseMergeClaims >= 2
        ? brake('the agent twice said the PR was merged, and GitHub says it is not', 'false-merge')
        : { action: 'again' };
    case 'human':
      return { action: 'human', comment: outcome.comment ?? '' };
    case 'sleep':
      counters.continuesWithoutCommit = 0;
      return { action: 'sleep', seconds: outcome.seconds ?? 30 };
    case 'continue':
      counters.continuesWithoutCommit = committed ? 0 : counters.continuesWithoutCommit + 1;
      return counters.continuesWithoutCommit >= streak
        ? brake(`${counters.continuesWithoutCommit} continues in a row without a new commit`, 'no-progress')
        : { action: 'again' };
  }
}

function retry(n: number, reason: string, backoff: Backoff | undefined): TurnDecision {
  return { action: 'retry', seconds: backoffSeconds(n, backoff), reason };
}

function brake(why: string, name: string): TurnDecision {
  return {
    action: 'human',
    brake: name,
    comment: `The factory stopped working on this on its own: ${why}. A person needs to look; remove the label to hand it back.`,
  };
}
