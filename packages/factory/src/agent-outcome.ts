// The agent's answer to a turn (docs/factory.md, "The agent protocol"):
// the last non-empty stdout line is one JSON object
// {"outcome": "continue"|"sleep"|"human"|"merged", "seconds"?, "comment"?, "headSha"?, "tokens"?}.
// Anything else is an invalid answer, which the loop counts as a failed turn.

export type OutcomeKind = 'continue' | 'sleep' | 'human' | 'merged';

export interface AgentOutcome {
  outcome: OutcomeKind;
  /** For sleep: how long to wait, already clamped to [minSleep, maxSleep]. */
  seconds?: number;
  comment?: string;
  /** The PR head the agent judged. */
  headSha?: string;
  /** Tokens the agent reports it used this turn. */
  tokens?: number;
}

export type ParsedOutcome = { ok: true; value: AgentOutcome } | { ok: false; reason: string };

export const sleepBounds = { min: 30, max: 3600 } as const;
const kinds: readonly string[] = ['continue', 'sleep', 'human', 'merged'];

export function parseOutcome(stdout: string, bounds: { min: number; max: number } = sleepBounds): ParsedOutcome {
  const last = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .at(-1);
  if (last === undefined)
    return { ok: false, reason: 'the agent printed nothing; its last stdout line must be the outcome JSON' };
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    return { ok: false, reason: `the last stdout line is not JSON: ${last.slice(0, 120)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'the last stdout line is not a JSON object' };
  const o = value as Record<string, unknown>;
  if (o.v !== undefined && o.v !== 1)
    return { ok: false, reason: `unknown outcome version ${JSON.stringify(o.v)} (this loop speaks v 1)` };
  if (typeof o.outcome !== 'string' || !kinds.includes(o.outcome))
    return { ok: false, reason: `"outcome" must be one of ${kinds.join(', ')}, not ${JSON.stringify(o.outcome)}` };
  const outcome: AgentOutcome = { outcome: o.outcome as OutcomeKind };
  if (o.comment !== undefined) {
    if (typeof o.comment !== 'string') return { ok: false, reason: '"comment" must be a string' };
    outcome.comment = o.comment;
  }
  if (outcome.outcome === 'human' && (outcome.comment ?? '').trim() === '')
    return { ok: false, reason: '"human" needs a "comment" telling the person what to do' };
  if (outcome.outcome === 'sleep') {
    if (typeof o.seconds !== 'number' || !Number.isFinite(o.seconds))
      return { ok: false, reason: '"sleep" needs "seconds" (a number)' };
    outcome.seconds = Math.min(bounds.max, Math.max(bounds.min, Math.round(o.seconds)));
  }
  if (o.headSha !== undefined) {
    if (typeof o.headSha !== 'string') return { ok: false, reason: '"headSha" must be a string' };
    outcome.headSha = o.headSha;
  }
  if (o.tokens !== undefined) {
    if (typeof o.tokens !== 'number' || !Number.isInteger(o.tokens) || o.tokens < 0)
      return { ok: false, reason: '"tokens" must be a non-negative integer' };
    outcome.tokens = o.tokens;
  }
  return { ok: true, value: outcome };
}
