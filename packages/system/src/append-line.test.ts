import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLineInside, appendLineInsideSync, openAppendStreamInside } from './append-line.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-append-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('appendLineInside', () => {
  it('creates the file and its folder and adds one whole line per call', async () => {
    const root = temp();
    await appendLineInside(root, 'state/log.jsonl', '{"a":1}');
    appendLineInsideSync(root, 'state/log.jsonl', '{"a":2}\n');
    expect(readFileSync(join(root, 'state/log.jsonl'), 'utf8')).toBe('{"a":1}\n{"a":2}\n');
  });

  it('refuses a file or folder symlink that leads out of the repository', async () => {
    const root = temp();
    const outside = temp();
    writeFileSync(join(outside, 'log'), 'theirs\n');
    symlinkSync(join(outside, 'log'), join(root, 'log'));
    symlinkSync(outside, join(root, 'dir'));
    await expect(appendLineInside(root, 'log', 'x')).rejects.toMatchObject({ code: 'IO_FAILED' });
    await expect(appendLineInside(root, 'dir/new', 'x')).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readFileSync(join(outside, 'log'), 'utf8')).toBe('theirs\n');
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });
});

describe('openAppendStreamInside', () => {
  it('appends to a new log and refuses a log that is a symlink, even one that stays inside', async () => {
    const root = temp();
    const stream = openAppendStreamInside(root, 'runs/1/1.log');
    stream.end('hello\n');
    await finished(stream);
    expect(readFileSync(join(root, 'runs/1/1.log'), 'utf8')).toBe('hello\n');
    symlinkSync('1.log', join(root, 'runs/1/2.log'));
    expect(() => openAppendStreamInside(root, 'runs/1/2.log')).toThrow(/cannot write runs\/1\/2.log/);
  });
});

describe('appendLineInsideSync with rotate', () => {
  const rotate = { atBytes: 20, to: 'state/log.1.jsonl' };

  it('renames a full log to the older file, which it replaces, and starts a new one', () => {
    const root = temp();
    const log = join(root, 'state/log.jsonl');
    const older = join(root, 'state/log.1.jsonl');
    for (const n of [1, 2, 3]) appendLineInsideSync(root, 'state/log.jsonl', `{"n":${n}}`, { rotate });
    // 24 bytes after the third line: rotated.
    expect(existsSync(log)).toBe(false);
    expect(readFileSync(older, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    appendLineInsideSync(root, 'state/log.jsonl', '{"n":4}', { rotate });
    expect(readFileSync(log, 'utf8')).toBe('{"n":4}\n');
    for (const n of [5, 6]) appendLineInsideSync(root, 'state/log.jsonl', `{"n":${n}}`, { rotate });
    expect(readFileSync(older, 'utf8')).toBe('{"n":4}\n{"n":5}\n{"n":6}\n');
    expect(existsSync(log)).toBe(false);
  });

  it('keeps a log below the size, and never rotates out of the repository', () => {
    const root = temp();
    const outside = temp();
    writeFileSync(join(root, 'log'), 'x'.repeat(30));
    appendLineInsideSync(root, 'log', 'first', { rotate: { atBytes: 100, to: 'log.1' } });
    expect(readFileSync(join(root, 'log'), 'utf8')).toBe(`${'x'.repeat(30)}first\n`);
    symlinkSync(outside, join(root, 'away'));
    expect(() => appendLineInsideSync(root, 'log', 'second', { rotate: { atBytes: 10, to: 'away/log.1' } })).toThrow(
      expect.objectContaining({ code: 'IO_FAILED' }) as Error,
    );
    expect(existsSync(join(outside, 'log.1'))).toBe(false);
  });
});
