import { describe, expect, it } from 'vitest';
import type { AgentOutcome } from './agent-outcome.js';
import type { TurnCounters, TurnDecision, TurnLimits, TurnResult } from './turn-policy.js';
import { decideAfterTurn, freshCounters } from './turn-policy.js';

const answered = (outcome: AgentOutcome, headBefore = 'a', headAfter = 'a', mergedOnGithub = false): TurnResult => ({
  kind: 'answered',
  outcome,
  headBefore,
  headAfter,
  mergedOnGithub,
});

function play(
  results: TurnResult[],
  limits: TurnLimits = { maxTurns: 20 },
): { counters: TurnCounters; decisions: TurnDecision[] } {
  let counters = freshCounters();
  const decisions: TurnDecision[] = [];
  for (const r of results) {
    const next = decideAfterTurn(counters, r, limits);
    counters = next.counters;
    decisions.push(next.decision);
  }
  return { counters, decisions };
}

describe('decideAfterTurn', () => {
  it('goes again after a continue with a commit, sleeps on sleep, hands over on human', () => {
    const { decisions } = play([
      answered({ outcome: 'continue' }, 'a', 'b'),
      answered({ outcome: 'sleep', seconds: 60 }),
      answered({ outcome: 'human', comment: 'pick a name' }),
    ]);
    expect(decisions).toEqual([
      { action: 'again' },
      { action: 'sleep', seconds: 60 },
      { action: 'human', comment: 'pick a name' },
    ]);
  });

  it('brakes after three continues without a new commit', () => {
    const { decisions } = play([
      answered({ outcome: 'continue' }),
      answered({ outcome: 'continue' }),
      answered({ outcome: 'continue' }),
    ]);
    expect(decisions.slice(0, 2)).toEqual([{ action: 'again' }, { action: 'again' }]);
    expect(decisions[2]).toMatchObject({ action: 'human', brake: 'no-progress' });
  });

  it('retries failed turns with backoff and brakes on the third in a row', () => {
    const { decisions } = play([
      { kind: 'failed', reason: 'x' },
      { kind: 'failed', reason: 'y' },
      { kind: 'failed', reason: 'z' },
    ]);
    expect(decisions.slice(0, 2)).toEqual([
      { action: 'retry', seconds: 10, reason: 'x' },
      { action: 'retry', seconds: 20, reason: 'y' },
    ]);
    expect(decisions[2]).toMatchObject({ action: 'human', brake: 'failures' });
    expect(
      play([
        { kind: 'failed', reason: 'x' },
        { kind: 'failed', reason: 'y' },
        answered({ outcome: 'sleep', seconds: 30 }),
        { kind: 'failed', reason: 'z' },
      ]).decisions[3],
    ).toMatchObject({ action: 'retry' });
  });

  it('believes merged only when GitHub does, and brakes on the second false claim', () => {
    expect(play([answered({ outcome: 'merged' }, 'a', 'a', true)]).decisions).toEqual([{ action: 'done' }]);
    const { decisions } = play([answered({ outcome: 'merged' }), answered({ outcome: 'merged' })]);
    expect(decisions[0]).toEqual({ action: 'again' });
    expect(decisions[1]).toMatchObject({ action: 'human', brake: 'false-merge' });
  });

  it('brakes on the turn budget and on the token budget', () => {
    expect(
      play([answered({ outcome: 'sleep', seconds: 30 }), answered({ outcome: 'sleep', seconds: 30 })], { maxTurns: 2 })
        .decisions[1],
    ).toMatchObject({ action: 'human', brake: 'turns' });
    const spent = play(
      [
        answered({ outcome: 'sleep', seconds: 30, tokens: 600 }),
        answered({ outcome: 'sleep', seconds: 30, tokens: 600 }),
      ],
      { maxTurns: 20, maxTokens: 1000 },
    );
    expect(spent.decisions[0]).toEqual({ action: 'sleep', seconds: 30 });
    expect(spent.decisions[1]).toMatchObject({ action: 'human', brake: 'tokens' });
    expect(spent.counters.tokens).toBe(1200);
  });

  it('counts turns that end red apart from failures, backs off with a cap, and asks a person after the streak', () => {
    const red = (counted = false): TurnResult => ({ kind: 'red', report: 'docs: broken link', counted });
    const { counters, decisions } = play([red(true), answered({ outcome: 'continue' }, 'a', 'b'), red(), red()], {
      maxTurns: 20,
    });
    // A green answer between red turns does not reset the red count: only a green gate does.
    expect(decisions.map((d) => (d.action === 'retry' ? d.seconds : d.action))).toEqual([10, 'again', 20, 'human']);
    expect(decisions[3]).toMatchObject({ brake: 'red' });
    expect(counters).toMatchObject({ turns: 3, consecutiveRed: 3, consecutiveFailures: 0 });
    const long = play(
      Array.from({ length: 8 }, () => red()),
      {
        maxTurns: 20,
        streak: 10,
        backoff: { baseSeconds: 5, maxSeconds: 60 },
      },
    );
    expect(long.decisions.map((d) => (d.action === 'retry' ? d.seconds : d.action))).toEqual([
      5, 10, 20, 40, 60, 60, 60, 60,
    ]);
  });
});
