// What the loop does after one agent turn (docs/factory.md "Turns and brakes").
// Pure: counters in, counters and a decision out, so every brake is tested
// without a process or GitHub. Each brake escalates to a person.
import type { AgentOutcome } from './agent-outcome.js';

export interface TurnCounters {
  turns: number;
  consecutiveFailures: number;
  /** `continue`s in a row with no new commit on the PR head. */
  continuesWithoutCommit: number;
  /** `merged` claims GitHub did not confirm. */
  falseMergeClaims: number;
  tokens: number;
}

export const freshCounters = (): TurnCounters => ({
  turns: 0,
  consecutiveFailures: 0,
  continuesWithoutCommit: 0,
  falseMergeClaims: 0,
  tokens: 0,
});

export interface TurnLimits {
  maxTurns: number;
  maxTokens?: number | undefined;
  /** 3: continues without a commit, failed turns in a row. */
  streak?: number;
}

export type TurnResult =
  | {
      kind: 'answered';
      outcome: AgentOutcome;
      headBefore: string | undefined;
      headAfter: string | undefined;
      mergedOnGithub: boolean;
    }
  | { kind: 'failed'; reason: string };

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
  const counters: TurnCounters = { ...before, turns: before.turns + 1 };
  let decision: TurnDecision;
  if (result.kind === 'failed') {
    counters.consecutiveFailures += 1;
    decision =
      counters.consecutiveFailures >= streak
        ? brake(`${counters.consecutiveFailures} failed turns in a row; the last: ${result.reason}`, 'failures')
        : { action: 'retry', seconds: 10 * 2 ** (counters.consecutiveFailures - 1), reason: result.reason };
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

function brake(why: string, name: string): TurnDecision {
  return {
    action: 'human',
    brake: name,
    comment: `The factory stopped working on this on its own: ${why}. A person needs to look; remove the label to hand it back.`,
  };
}
