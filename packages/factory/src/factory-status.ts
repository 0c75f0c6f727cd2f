// `harness factory status`: what the loop is doing, read from `.harness/factory/`
// only (no GitHub call), so it works while the loop runs and after it died.
import { join } from 'node:path';
import type { LockHolder } from 'agent-harness-system';
import { readLockHolder } from 'agent-harness-system';
import type { FactoryEvent } from './factory-events.js';
import { readRecentEvents } from './factory-events.js';
import type { IssueRecord } from './factory-state.js';
import { readState, stateDir } from './factory-state.js';

/** How many events `recentEvents` holds. */
const recentEventCount = 50;

/** One issue in `harness factory status --json` and `/api/state` (docs/factory.md "Status page"). */
export interface IssueStatus {
  issue: number;
  title: string;
  /** `queued`, `implementing`, `checking`, `pr-open`, `waiting`, `human`, `merged`, `failed` or `parked`. */
  phase: string;
  pr: number | null;
  /** Agent turns taken since the issue was admitted or last handed back. */
  turns: number;
  /** Tokens the agent reported in its answers, counted against `maxTokens`. */
  tokens: number;
  /** The agent's last answer (`continue`, `sleep`, `human`, `merged`), or how the last step ended (`failed`, `red`, `error`, `guard`, `cap`). */
  lastOutcome: string | null;
  /** When the loop next looks at the issue (a sleep or a retry's backoff). */
  nextWakeAt: string | null;
  updatedAt: string;
}

/** The document `harness factory status --json` prints and the status page serves at `/api/state`. */
export interface FactoryStatus {
  /** Changes only when a field changes meaning or goes away; new fields may appear. */
  version: 1;
  /** The loop holding the lock, if any. */
  running: LockHolder | null;
  /** Every issue the loop admitted, by number. */
  issues: IssueStatus[];
  /** The newest events of events.jsonl, newest first, at most 50. */
  recentEvents: FactoryEvent[];
}

export function readFactoryStatus(root: string): FactoryStatus {
  const state = readState(root);
  const issues = Object.values(state.issues)
    .sort((a, b) => a.number - b.number)
    .map(issueStatus);
  return {
    version: 1,
    running: readRunning(root),
    issues,
    recentEvents: readRecentEvents(root, recentEventCount),
  };
}

export const readRunning = (root: string): LockHolder | null => readLockHolder(join(stateDir(root), 'lock')) ?? null;

export function issueStatus(r: IssueRecord): IssueStatus {
  return {
    issue: r.number,
    title: r.title,
    phase: r.phase,
    pr: r.pr ?? null,
    turns: r.counters.turns,
    tokens: r.counters.tokens,
    lastOutcome: r.lastOutcome ?? null,
    nextWakeAt: r.nextWakeAt ?? null,
    updatedAt: r.updatedAt,
  };
}

export function renderStatusPretty(status: FactoryStatus): string {
  const head =
    status.running === null
      ? 'No factory loop is running here.'
      : `Factory loop running: pid ${status.running.pid} on ${status.running.host} since ${status.running.startedAt}.`;
  if (status.issues.length === 0) return `${head}\nNo issue worked yet.\n`;
  const rows = status.issues.map((i) => [
    `#${i.issue}`,
    i.phase,
    i.pr === null ? '-' : `#${i.pr}`,
    String(i.turns),
    String(i.tokens),
    i.lastOutcome ?? '-',
    i.title,
  ]);
  const table = [['issue', 'phase', 'pr', 'turns', 'tokens', 'last', 'title'], ...rows];
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? [];
  const lines = table.map((r) =>
    r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '),
  );
  return `${head}\n${lines.join('\n')}\n${renderEventsPretty(status.recentEvents.slice(0, 10))}`;
}

function renderEventsPretty(events: FactoryEvent[]): string {
  if (events.length === 0) return '';
  const rows = events.map((e) => `  ${e.at}  ${e.issue === null ? '-' : `#${e.issue}`}  ${e.kind}: ${e.text}`);
  return `\nRecent events, newest first:\n${rows.join('\n')}\n`;
}
