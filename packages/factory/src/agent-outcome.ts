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
  const read = lastJsonObject(stdout);
  if (!read.ok) return read;
  const o = read.value;
  if (o.v !== undefined && o.v !== 1)
    return { ok: false, reason: `unknown outcome version ${JSON.stringify(o.v)} (this loop speaks v 1)` };
  if (typeof o.outcome !== 'string' || !kinds.includes(o.outcome))
    return { ok: false, reason: `"outcome" must be one of ${kinds.join(', ')}, not ${JSON.stringify(o.outcome)}` };
  const outcome: AgentOutcome = { outcome: o.outcome as OutcomeKind };
  for (const readField of fieldReaders) {
    const reason = readField(o, outcome, bounds);
    if (reason !== undefined) return { ok: false, reason };
  }
  return { ok: true, value: outcome };
}

/** The last non-empty stdout line, parsed as a JSON object. */
function lastJsonObject(stdout: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
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
  return { ok: true, value: value as Record<string, unknown> };
}

/** Copies one optional field into the outcome; the reason when the answer is invalid. */
type FieldReader = (
  o: Record<string, unknown>,
  outcome: AgentOutcome,
  bounds: { min: number; max: number },
) => string | undefined;

/** In this order, so the first problem reported is the same whatever else is wrong. */
const fieldReaders: readonly FieldReader[] = [
  (o, outcome) => {
    if (o.comment === undefined) return undefined;
    if (typeof o.comment !== 'string') return '"comment" must be a string';
    outcome.comment = o.comment;
    return undefined;
  },
  (_o, outcome) =>
    outcome.outcome === 'human' && (outcome.comment ?? '').trim() === ''
      ? '"human" needs a "comment" telling the person what to do'
      : undefined,
  (o, outcome, bounds) => {
    if (outcome.outcome !== 'sleep') return undefined;
    if (typeof o.seconds !== 'number' || !Number.isFinite(o.seconds)) return '"sleep" needs "seconds" (a number)';
    outcome.seconds = Math.min(bounds.max, Math.max(bounds.min, Math.round(o.seconds)));
    return undefined;
  },
  (o, outcome) => {
    if (o.headSha === undefined) return undefined;
    if (typeof o.headSha !== 'string') return '"headSha" must be a string';
    outcome.headSha = o.headSha;
    return undefined;
  },
  (o, outcome) => {
    if (o.tokens === undefined) return undefined;
    if (typeof o.tokens !== 'number' || !Number.isInteger(o.tokens) || o.tokens < 0)
      return '"tokens" must be a non-negative integer';
    outcome.tokens = o.tokens;
    return undefined;
  },
];
