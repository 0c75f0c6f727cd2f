// One issue as the status page's `/issues/N` and `/api/issues/N` show it: its record in
// state.json with its turns, their outcomes and its events from events.jsonl. Read from
// `.harness/factory/` only, like `harness factory status`.
import type { LockHolder } from 'agent-harness-system';
import type { EventRecord, FactoryEvent } from './factory-events.js';
import { readEventRecords, toFactoryEvent } from './factory-events.js';
import type { IssueRecord } from './factory-state.js';
import { readState } from './factory-state.js';
import type { IssueStatus } from './factory-status.js';
import { issueStatus, readRunning } from './factory-status.js';
import { isRecord } from './json-lines.js';
import { describeEvent } from './event-text.js';

/** One agent turn: what the agent answered, how the turn ended, what the loop did next. */
export interface TurnSummary {
  turn: number;
  /** When the turn's last event was recorded. */
  at: string;
  /** The agent's answer (`continue`, `sleep`, `human`, `merged`); null when it gave no valid one. */
  answer: string | null;
  /** `answered`; `failed` (no valid answer, a crash, a timeout, a stall); `red` (`harness check` red on its commits). */
  result: 'answered' | 'failed' | 'red';
  /** What the loop did next (`sleep 300 s`, `retry in 20 s`, `handed to a person (brake: red)`); null when it went straight on. */
  decision: string | null;
  /** The agent's comment, or why the turn did not get through, on one line. */
  text: string;
  /** Tokens the agent reported for the turn. */
  tokens: number | null;
  /** The turn's log (stdout and stderr), relative to the repository root. */
  log: string;
}

/** The lease on the issue in dispatch mode (`refs/harness/lease/issue-N`); null when no loop holds one. */
export interface IssueLease {
  /** The loop holding it (host, pid and a random part). */
  holder: string;
  /** When it was taken. */
  since: string | null;
  /** When it ran out as taken; the holder renews it while it works. */
  expiresAt: string | null;
}

export interface IssueDetail extends IssueStatus {
  branch: string;
  /** The PR's page on GitHub, as GitHub gave it when the PR was opened. */
  prUrl: string | null;
  /** What all of the issue's turns used (protocol usage or reported tokens), kept across hand-backs. */
  spent: { tokens: number; costUsd: number };
  /** The brakes' counts: three in a row of any hands the issue to a person. */
  brakes: {
    consecutiveFailures: number;
    consecutiveRed: number;
    continuesWithoutCommit: number;
    falseMergeClaims: number;
  };
  /** Why the last step did not get through: the `harness check` report, the failure, the trouble, a reconciliation. */
  lastReason: string | null;
  /** The agent's process while a turn runs. */
  agentPid: number | null;
  /** A GitHub write announced and not yet confirmed (`push`, `create-pr`, `comment-human`, `label`). */
  pendingAction: string | null;
  lease: IssueLease | null;
  /** Every turn found in the event log, oldest first. */
  turnOutcomes: TurnSummary[];
  /** The issue's newest events, newest first, at most 100. */
  events: FactoryEvent[];
}

/** `/api/issues/N`. */
export interface IssueDocument {
  version: 1;
  running: LockHolder | null;
  issue: IssueDetail;
}

const shownEvents = 100;
/** How many of the issue's events are read to find its turns and PR link. */
const readEvents = 2000;

export function readIssueDetail(root: string, number: number): IssueDocument | undefined {
  const record = readState(root).issues[number];
  if (record === undefined) return undefined;
  const records = readEventRecords(root, { limit: readEvents, issue: number });
  const pull = records.find((e) => e.event === 'pr' && typeof e.url === 'string');
  const { consecutiveFailures, consecutiveRed, continuesWithoutCommit, falseMergeClaims } = record.counters;
  return {
    version: 1,
    running: readRunning(root),
    issue: {
      ...issueStatus(record),
      branch: record.branch,
      prUrl: typeof pull?.url === 'string' && record.pr !== undefined && pull.pr === record.pr ? pull.url : null,
      spent: record.spent ?? { tokens: 0, costUsd: 0 },
      brakes: { consecutiveFailures, consecutiveRed: consecutiveRed ?? 0, continuesWithoutCommit, falseMergeClaims },
      lastReason: record.lastReason ?? null,
      agentPid: record.agentPid ?? null,
      pendingAction: record.pendingAction?.kind ?? null,
      lease: leaseOf(record, records),
      turnOutcomes: turnsOf(number, records),
      events: records.slice(0, shownEvents).map(toFactoryEvent),
    },
  };
}

/** Turns from `outcome` events (the agent's answer) and `decision` events (how the turn ended, what came next). */
function turnsOf(issue: number, newestFirst: EventRecord[]): TurnSummary[] {
  const turns = new Map<number, TurnSummary>();
  let last: number | undefined;
  for (const event of [...newestFirst].reverse()) {
    if (event.event !== 'outcome' && event.event !== 'decision') continue;
    // Decisions written before they named their turn belong to the turn answered last.
    const turn = typeof event.turn === 'number' ? event.turn : last;
    if (turn === undefined) continue;
    last = turn;
    const entry = turns.get(turn) ?? emptyTurn(issue, turn, event.at);
    entry.at = event.at;
    if (event.event === 'outcome') {
      entry.answer = typeof event.outcome === 'string' ? event.outcome : null;
      entry.text = oneLine(event.comment);
      entry.tokens = typeof event.tokens === 'number' ? event.tokens : null;
    } else {
      entry.result =
        event.result === 'red' ? 'red' : event.result === 'failed' || 'failure' in event ? 'failed' : entry.result;
      entry.decision = decisionOf(event);
      if (entry.result !== 'answered') entry.text = oneLine(event.failure ?? event.reason);
    }
    turns.set(turn, entry);
  }
  return [...turns.values()].sort((a, b) => a.turn - b.turn);
}

function emptyTurn(issue: number, turn: number, at: string): TurnSummary {
  return {
    turn,
    at,
    answer: null,
    result: 'answered',
    decision: null,
    text: '',
    tokens: null,
    log: `.harness/factory/runs/${issue}/${turn}.log`,
  };
}

/** The decision alone (its reason is the turn's text): `retry in 20 s`, `sleep 60 s`; null for another turn at once. */
function decisionOf(event: EventRecord): string | null {
  if (event.action === 'again') return null;
  const { action, seconds, brake, comment } = event;
  return describeEvent({ event: 'decision', action, seconds, brake, ...(action === 'human' ? { comment } : {}) });
}

const oneLine = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');

/** Dispatch mode's lease (lease-keeper.ts): the record's when it names one, else the last lease event's. */
function leaseOf(record: IssueRecord, newestFirst: EventRecord[]): IssueLease | null {
  const held = (record as { lease?: unknown }).lease;
  if (isRecord(held) && typeof held.holder === 'string')
    return { holder: held.holder, since: null, expiresAt: typeof held.expiresAt === 'string' ? held.expiresAt : null };
  const last = newestFirst.find((e) => typeof e.event === 'string' && leaseEvents.has(e.event));
  if (last === undefined || (last.event !== 'leased' && last.event !== 'lease-taken-over')) return null;
  if (typeof last.holder !== 'string') return null;
  return { holder: last.holder, since: last.at, expiresAt: typeof last.expiresAt === 'string' ? last.expiresAt : null };
}

const leaseEvents = new Set(['leased', 'lease-taken-over', 'lease-lost', 'lease-released']);
