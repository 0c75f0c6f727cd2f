// The loop's durable state in `.harness/factory/` (docs/factory.md "Surviving a crash"):
// `state.json` written whole and atomically (temp file, fsync, rename) with a
// write-ahead `pendingAction` per issue, and `events.jsonl`, append-only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { appendLineInsideSync, writeFileInsideSync } from 'agent-harness-system';
import type { TurnCounters } from './turn-policy.js';

export type IssuePhase =
  | 'queued'
  | 'implementing'
  | 'checking'
  | 'pr-open'
  | 'waiting'
  | 'human'
  | 'merged'
  | 'failed'
  | 'parked';

/**
 * Why reconciliation stopped the issue, so it resumes when a person undoes it (docs/factory.md
 * "Reconciliation"): closed, a factory label taken off, the human label put on by hand, its PR closed.
 */
export type ParkedBy = 'closed' | 'label' | 'human' | 'pr-closed';

/** What the loop is about to do, written before it does it, so a restart can finish it without doing it twice. */
export type PendingAction =
  | { kind: 'create-pr' }
  | { kind: 'comment-human'; marker: string; body: string }
  | { kind: 'label'; label: string }
  | { kind: 'push'; sha: string };

export interface IssueRecord {
  number: number;
  title: string;
  phase: IssuePhase;
  branch: string;
  worktree: string;
  pr?: number;
  lastHeadSha?: string;
  fingerprint?: string;
  counters: TurnCounters;
  nextWakeAt?: string;
  /** The agent's last sleep, to sleep again when the PR has not changed. */
  sleepSeconds?: number;
  lastOutcome?: string;
  lastReason?: string;
  /** Set when a person's decision stopped the issue (absent in state files written before it existed). */
  parkedBy?: ParkedBy;
  agentPid?: number;
  /** Steps in a row that git or GitHub refused (a rejected push, a failed request); see recordTrouble. */
  troubles?: number;
  pendingAction?: PendingAction;
  /** The agent's thread (codex-app-server) or session (claude-stream-json), continued next turn. */
  session?: string;
  /** The head the loop pushed with an open guard finding: never merged through the merge socket (turn-socket.ts). */
  guardHeldSha?: string;
  /** What every turn of this issue used, kept across hand-backs (token-caps.ts). */
  spent?: { tokens: number; costUsd: number };
  updatedAt: string;
}

export interface FactoryState {
  version: 1;
  issues: Record<string, IssueRecord>;
}

export const stateDir = (root: string): string => join(root, '.harness', 'factory');

export function readState(root: string): FactoryState {
  const file = join(stateDir(root), 'state.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { version: 1, issues: {} };
  }
  try {
    const parsed = JSON.parse(text) as FactoryState;
    if (parsed.version !== 1 || typeof parsed.issues !== 'object') throw new Error('unknown shape');
    return parsed;
  } catch (error) {
    throw new HarnessError('IO_FAILED', `the factory state file is not readable: ${String(error)}`, {
      place: { file },
      fix: 'Move the file away to start over; GitHub still has every PR and comment, and the loop finds them by branch and marker.',
    });
  }
}

/** Writes the state whole and atomically, never through a symlink out of the repository. */
export function writeState(root: string, state: FactoryState): void {
  writeFileInsideSync(root, join(stateDir(root), 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
}

/** The event log, and the older log it is renamed to once it reaches eventLogBytes. */
export const eventLogFiles = { current: 'events.jsonl', older: 'events.1.jsonl' } as const;
/** Past this size the log is rotated, so the two files hold at most about twice this. */
const eventLogBytes = 32 * 1024 * 1024;

/** Appends one event as one line that concurrent writers never tear; a full log is rotated. */
export function appendEvent(
  root: string,
  event: Record<string, unknown>,
  now: Date = new Date(),
  atBytes: number = eventLogBytes,
): void {
  appendLineInsideSync(
    root,
    join(stateDir(root), eventLogFiles.current),
    JSON.stringify({ at: now.toISOString(), ...event }),
    { rotate: { atBytes, to: join(stateDir(root), eventLogFiles.older) } },
  );
}
