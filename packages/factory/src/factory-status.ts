// `harness factory status`: what the loop is doing, read from `.harness/factory/`
// only (no GitHub call), so it works while the loop runs and after it died.
import { join } from 'node:path';
import type { LockHolder } from 'agent-harness-system';
import { readLockHolder } from 'agent-harness-system';
import { readState, stateDir } from './factory-state.js';

export interface IssueStatus {
  issue: number;
  title: string;
  phase: string;
  pr: number | null;
  turns: number;
  tokens: number;
  lastOutcome: string | null;
  nextWakeAt: string | null;
  updatedAt: string;
}

export interface FactoryStatus {
  version: 1;
  /** The loop holding the lock, if any. */
  running: LockHolder | null;
  issues: IssueStatus[];
}

export function readFactoryStatus(root: string): FactoryStatus {
  const state = readState(root);
  const issues = Object.values(state.issues)
    .sort((a, b) => a.number - b.number)
    .map((r) => ({
      issue: r.number,
      title: r.title,
      phase: r.phase,
      pr: r.pr ?? null,
      turns: r.counters.turns,
      tokens: r.counters.tokens,
      lastOutcome: r.lastOutcome ?? null,
      nextWakeAt: r.nextWakeAt ?? null,
      updatedAt: r.updatedAt,
    }));
  return { version: 1, running: readLockHolder(join(stateDir(root), 'lock')) ?? null, issues };
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
  return `${head}\n${lines.join('\n')}\n`;
}
