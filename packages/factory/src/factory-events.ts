// The loop's event log, `.harness/factory/events.jsonl` (appended by factory-state.ts, which
// renames it to events.1.jsonl once it is full), read from its end in chunks, newest first, and on
// into the older file: the status page costs the same after a night of events as after one, and
// never holds a whole file in memory.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describeEvent } from './event-text.js';
import { eventLogFiles, stateDir } from './factory-state.js';
import { isRecord } from './json-lines.js';

export { describeEvent } from './event-text.js';

/** One line of events.jsonl: `at`, `event`, mostly `issue` and `phase`, then the event's own fields. */
export type EventRecord = Record<string, unknown> & { at: string };

/** An event as the status page and `harness factory status --json` show it. */
export interface FactoryEvent {
  /** When it happened (ISO 8601, the loop's clock). */
  at: string;
  /** The issue it concerns; null for the loop's own events (a lock taken over, settings that did not load). */
  issue: number | null;
  /** The event's name in events.jsonl: `admitted`, `phase`, `outcome`, `decision`, `pr`, `trouble`, … */
  kind: string;
  /** What happened, in one line for people. */
  text: string;
}

export interface ReadEventsOptions {
  /** At most this many events, newest first. */
  limit: number;
  /** Only this issue's events. */
  issue?: number | undefined;
  /** Read no further back than this many bytes from the end, both files together (default 16 MiB). */
  maxBytes?: number | undefined;
}

const chunkBytes = 64 * 1024;
const defaultMaxBytes = 16 * 1024 * 1024;
const newline = 0x0a;

/** The newest events, across issues. */
export function readRecentEvents(root: string, limit: number): FactoryEvent[] {
  return readEventRecords(root, { limit }).map(toFactoryEvent);
}

export function toFactoryEvent(record: EventRecord): FactoryEvent {
  return {
    at: record.at,
    issue: typeof record.issue === 'number' ? record.issue : null,
    kind: typeof record.event === 'string' ? record.event : 'unknown',
    text: describeEvent(record),
  };
}

/** Events as written, newest first. A line being written, or one that is not a JSON object, is skipped. */
export function readEventRecords(root: string, options: ReadEventsOptions): EventRecord[] {
  // Both files are opened before either is read: a rotation in between (the current file renamed
  // to the older name) then shows as one file opened twice, read once.
  const current = openIfThere(join(stateDir(root), eventLogFiles.current));
  const older = openIfThere(join(stateDir(root), eventLogFiles.older));
  try {
    const found: EventRecord[] = [];
    let budget = options.maxBytes ?? defaultMaxBytes;
    for (const fd of [current, older]) {
      if (fd === undefined || found.length >= options.limit || budget <= 0) continue;
      if (fd === older && current !== undefined && sameFile(current, older)) continue;
      const read = readBackwards(fd, { ...options, limit: options.limit - found.length, maxBytes: budget });
      found.push(...read.records);
      budget -= read.bytes;
    }
    return found;
  } finally {
    for (const fd of [current, older]) if (fd !== undefined) closeSync(fd);
  }
}

function openIfThere(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

function sameFile(a: number, b: number): boolean {
  const [first, second] = [fstatSync(a), fstatSync(b)];
  return first.ino === second.ino && first.dev === second.dev;
}

/** The newest records of one file, and how many bytes of it the window covered. */
function readBackwards(fd: number, options: ReadEventsOptions): { records: EventRecord[]; bytes: number } {
  const found: EventRecord[] = [];
  const size = fstatSync(fd).size;
  let end = size;
  const stop = Math.max(0, end - (options.maxBytes ?? defaultMaxBytes));
  // The start of a line whose beginning lies in the chunk before (a newline byte is never inside a UTF-8 character).
  let carry = Buffer.alloc(0);
  // Most lines of a long log are other issues': a cheap look at the text spares parsing them.
  const mention = options.issue === undefined ? undefined : new RegExp(`"issue":\\s*${options.issue}[,}\\s]`);
  while (end > stop && found.length < options.limit) {
    const start = Math.max(stop, end - chunkBytes);
    const chunk = Buffer.alloc(end - start);
    readSync(fd, chunk, 0, chunk.length, start);
    const buffer = Buffer.concat([chunk, carry]);
    end = start;
    // Before the first newline is part of a line that began earlier, unless this is the file's (or the window's) start.
    const first = start === 0 ? 0 : buffer.indexOf(newline) + 1;
    if (start > 0 && first === 0) {
      carry = buffer;
      continue;
    }
    carry = buffer.subarray(0, first);
    const lines = buffer.subarray(first).toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0 && found.length < options.limit; i -= 1) {
      const line = lines[i] ?? '';
      if (mention !== undefined && !mention.test(line)) continue;
      const record = parseRecord(line);
      if (record !== undefined && (options.issue === undefined || record.issue === options.issue)) found.push(record);
    }
  }
  return { records: found, bytes: size - stop };
}

function parseRecord(line: string): EventRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isRecord(value) && typeof value.at === 'string' ? (value as EventRecord) : undefined;
  } catch {
    return undefined;
  }
}
