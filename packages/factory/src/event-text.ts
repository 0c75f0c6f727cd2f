// One line for people per event of `.harness/factory/events.jsonl` (docs/factory.md "Status
// page"). An event this file does not know (a newer loop's) is shown with its own fields.

type Fields = Record<string, unknown>;

const maxLength = 240;
/** Fields every event has, or that the status page shows in their own column. */
const common = new Set(['at', 'issue', 'event', 'phase']);

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
const withText = (prefix: string, value: unknown): string =>
  text(value) === '' ? prefix : `${prefix}: ${text(value)}`;
const plural = (n: unknown, word: string): string => `${text(n)} ${word}${n === 1 ? '' : 's'}`;

const describers: Record<string, (e: Fields) => string> = {
  admitted: (e) =>
    Array.isArray(e.after) && e.after.length > 0
      ? `admitted, after ${e.after.map((n) => `#${text(n)}`).join(', ')}`
      : 'admitted',
  phase: (e) => `${text(e.from)} → ${text(e.to)}`,
  outcome: (e) =>
    withText(
      `turn ${text(e.turn)}: the agent answered ${text(e.outcome)}${e.outcome === 'sleep' ? ` ${text(e.seconds)} s` : ''}`,
      e.comment,
    ),
  decision: describeDecision,
  pr: (e) => `PR #${text(e.pr)} opened`,
  guard: (e) => `${plural(e.findings, 'guard finding')}: handed to a person`,
  trouble: (e) => `${text(e.code)}: ${text(e.message)} (${text(e.troubles)} in a row)`,
  skip: (e) => withText('skipped', e.reason),
  reconciled: (e) => withText(text(e.to), e.reason),
  'reconcile-failed': (e) => withText('reconciling with GitHub failed', e.error),
  'agent-stopped': (e) => withText(`agent (pid ${text(e.pid)}) stopped`, e.reason),
  resumed: (e) => withText('resumed', e.by),
  hook: (e) => `hook ${text(e.hook)} ran`,
  'hook-failed': (e) => withText(`hook ${text(e.hook)} failed`, e.reason),
  'worktree-removed': () => 'worktree removed',
  'worktree-remove-failed': (e) => withText('removing the worktree failed', e.error),
  'stack-down': () => 'stack taken down',
  'stack-down-failed': (e) => withText('taking the stack down failed', e.error),
  'lock-taken-over': (e) => {
    const from = (typeof e.from === 'object' && e.from !== null ? e.from : {}) as Fields;
    return `lock taken over from pid ${text(from.pid)} on ${text(from.host)}`;
  },
  leased: (e) => `leased by ${text(e.holder)} until ${text(e.expiresAt)}`,
  'lease-taken-over': (e) => `lease taken over from ${text(e.from)} by ${text(e.holder)} until ${text(e.expiresAt)}`,
  'lease-lost': (e) => `lease lost by ${text(e.holder)}`,
  'lease-released': (e) => `lease released by ${text(e.holder)}`,
  'settings-invalid': (e) => withText('settings not reloaded, the last good ones kept', e.error),
};

/** What the loop decided after a turn (turn-policy.ts), with the turn and how it ended when the event says. */
function describeDecision(e: Fields): string {
  const turn = e.turn === undefined ? '' : `turn ${text(e.turn)}${e.result === 'answered' ? '' : ` ${text(e.result)}`}`;
  const decided = (() => {
    switch (e.action) {
      case 'again':
        return 'another turn';
      case 'sleep':
        return `sleep ${text(e.seconds)} s`;
      case 'retry':
        return withText(`retry in ${text(e.seconds)} s`, e.reason);
      case 'done':
        return 'merged';
      case 'human':
        return withText(`handed to a person${e.brake === undefined ? '' : ` (brake: ${text(e.brake)})`}`, e.comment);
      default:
        return text(e.action);
    }
  })();
  return turn === '' ? decided : `${turn.trimEnd()}: ${decided}`;
}

function describeUnknown(e: Fields): string {
  const fields = Object.entries(e)
    .filter(([key, value]) => !common.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${text(value)}`);
  return [text(e.event), ...fields].join(' ');
}

/** One line, at most 240 characters. */
export function describeEvent(event: Fields): string {
  const describe = typeof event.event === 'string' ? describers[event.event] : undefined;
  const line = (describe ?? describeUnknown)(event).replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
