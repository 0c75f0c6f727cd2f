import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEvent, readEventRecords, readRecentEvents } from './factory-events.js';
import { appendEvent, stateDir } from './factory-state.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'factory-events-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = (i: number) => new Date(Date.UTC(2026, 10, 22, 14, 0, i));

describe('the event log, read from its end', () => {
  it('is empty before the loop wrote anything', () => {
    expect(readRecentEvents(temp(), 50)).toEqual([]);
  });

  it('gives the newest events first, at most the limit, each with time, issue, kind and one line', () => {
    const root = temp();
    appendEvent(root, { issue: 1, event: 'admitted', phase: 'queued', after: [] }, at(1));
    appendEvent(root, { issue: 1, event: 'phase', phase: 'queued', from: 'queued', to: 'implementing' }, at(2));
    appendEvent(root, { event: 'lock-taken-over', from: { pid: 7, host: 'ci', startedAt: 'x' } }, at(3));
    appendEvent(
      root,
      { issue: 2, event: 'outcome', phase: 'pr-open', turn: 3, outcome: 'sleep', seconds: 300, comment: 'CI\nruns' },
      at(4),
    );
    expect(readRecentEvents(root, 3)).toEqual([
      { at: at(4).toISOString(), issue: 2, kind: 'outcome', text: 'turn 3: the agent answered sleep 300 s: CI runs' },
      { at: at(3).toISOString(), issue: null, kind: 'lock-taken-over', text: 'lock taken over from pid 7 on ci' },
      { at: at(2).toISOString(), issue: 1, kind: 'phase', text: 'queued → implementing' },
    ]);
  });

  it('finds one issue’s events far back, across chunk boundaries and multi-byte characters', () => {
    const root = temp();
    appendEvent(root, { issue: 7, event: 'pr', phase: 'checking', pr: 12 }, at(0));
    const filler = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ at: at(1).toISOString(), issue: 8, event: 'skip', reason: `é ü 😀 ${i}` }),
    );
    appendFileSync(join(stateDir(root), 'events.jsonl'), `${filler.join('\n')}\n`);
    const seven = readEventRecords(root, { limit: 10, issue: 7 });
    expect(seven).toEqual([{ at: at(0).toISOString(), issue: 7, event: 'pr', phase: 'checking', pr: 12 }]);
    const recent = readEventRecords(root, { limit: 2000 });
    expect(recent).toHaveLength(2000);
    expect(recent[0]?.reason).toBe('é ü 😀 2999');
    expect(recent.every((e, i) => e.reason === `é ü 😀 ${2999 - i}`)).toBe(true);
  });

  it('keeps one issue apart from another whose number starts the same, however the line is spaced', () => {
    const root = temp();
    appendEvent(root, { issue: 41, event: 'pr', pr: 1 }, at(0));
    appendEvent(root, { issue: 4, event: 'pr', pr: 2 }, at(1));
    appendFileSync(join(stateDir(root), 'events.jsonl'), '{"at": "x", "issue": 4, "event": "skip"}\n');
    appendEvent(root, { issue: 14, event: 'pr', pr: 3, note: '"issue":4,' }, at(2));
    expect(readEventRecords(root, { limit: 10, issue: 4 }).map((e) => e.event)).toEqual(['skip', 'pr']);
    expect(readEventRecords(root, { limit: 10, issue: 41 }).map((e) => e.pr)).toEqual([1]);
  });

  it('reads no further back than maxBytes', () => {
    const root = temp();
    appendEvent(root, { issue: 7, event: 'pr', pr: 12 }, at(0));
    for (let i = 0; i < 100; i += 1) appendEvent(root, { issue: 8, event: 'skip', reason: 'same' }, at(1));
    expect(readEventRecords(root, { limit: 10, issue: 7, maxBytes: 4096 })).toEqual([]);
    expect(readEventRecords(root, { limit: 10, issue: 7 })).toHaveLength(1);
  });

  it('is rotated once full, and read on into the older file, newest first, within maxBytes', () => {
    const root = temp();
    // A log rotated at 1 KiB: about 15 events of ~70 bytes per file.
    for (let i = 0; i < 40; i += 1) appendEvent(root, { issue: i % 2, event: 'skip', n: i }, at(i), 1024);
    const current = readFileSync(join(stateDir(root), 'events.jsonl'), 'utf8');
    const older = readFileSync(join(stateDir(root), 'events.1.jsonl'), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThan(1024);
    expect(Buffer.byteLength(older)).toBeGreaterThanOrEqual(1024);
    const inBoth = current.split('\n').length - 1 + older.split('\n').length - 1;
    // Newest first across the two files, and nothing older than the older file.
    const all = readEventRecords(root, { limit: 100 }).map((e) => e.n as number);
    expect(all).toEqual(Array.from({ length: inBoth }, (_, i) => 39 - i));
    expect(readEventRecords(root, { limit: 100, issue: 0 }).map((e) => e.n)).toEqual(all.filter((n) => n % 2 === 0));
    // maxBytes covers both files together: all of the current file, then 150 bytes (two events at most) of the older.
    const few = readEventRecords(root, { limit: 100, maxBytes: Buffer.byteLength(current) + 150 }).map((e) => e.n);
    const inCurrent = current.split('\n').length - 1;
    expect(few.length).toBeGreaterThan(inCurrent);
    expect(few.length).toBeLessThanOrEqual(inCurrent + 2);
    expect(few).toEqual(all.slice(0, few.length));
  });

  it('skips a line being written and lines that are not JSON objects', () => {
    const root = temp();
    appendEvent(root, { issue: 1, event: 'admitted' }, at(1));
    appendFileSync(join(stateDir(root), 'events.jsonl'), '[1,2]\nnot json\n{"at":"2026-11-22T14:00:09.000Z","iss');
    expect(readRecentEvents(root, 10).map((e) => e.kind)).toEqual(['admitted']);
  });
});

describe('one line per event', () => {
  const line = (e: Record<string, unknown>) => describeEvent({ at: 'x', ...e });
  it('says what each kind of event means', () => {
    expect(line({ event: 'admitted', after: [3, 4] })).toBe('admitted, after #3, #4');
    expect(line({ event: 'pr', pr: 12 })).toBe('PR #12 opened');
    expect(line({ event: 'decision', turn: 2, result: 'failed', action: 'retry', seconds: 20, reason: 'exit 1' })).toBe(
      'turn 2 failed: retry in 20 s: exit 1',
    );
    expect(line({ event: 'decision', turn: 4, result: 'answered', action: 'sleep', seconds: 60 })).toBe(
      'turn 4: sleep 60 s',
    );
    expect(line({ event: 'decision', action: 'human', brake: 'red', comment: 'three red turns' })).toBe(
      'handed to a person (brake: red): three red turns',
    );
    expect(line({ event: 'decision', turn: 5, result: 'answered', action: 'done' })).toBe('turn 5: merged');
    expect(line({ event: 'trouble', code: 'IO_FAILED', message: 'push rejected', troubles: 2 })).toBe(
      'IO_FAILED: push rejected (2 in a row)',
    );
    expect(line({ event: 'reconciled', to: 'parked', reason: 'issue #3 was closed' })).toBe(
      'parked: issue #3 was closed',
    );
    expect(line({ event: 'guard', findings: 2 })).toBe('2 guard findings: handed to a person');
    expect(line({ event: 'leased', holder: 'ci-1', expiresAt: '2026-11-22T15:00:00Z' })).toBe(
      'leased by ci-1 until 2026-11-22T15:00:00Z',
    );
  });

  it('shows an event it does not know with its fields, on one bounded line', () => {
    expect(line({ event: 'lease-renewed', issue: 3, phase: 'pr-open', holder: 'ci-1' })).toBe(
      'lease-renewed holder=ci-1',
    );
    const long = line({ event: 'skip', reason: `a\n${'b'.repeat(500)}` });
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThanOrEqual(240);
    expect(long.endsWith('…')).toBe(true);
  });
});
