import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, readState, stateDir, writeState } from './factory-state.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'factory-state-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('factory state', () => {
  it('round-trips state and starts empty', () => {
    const root = temp();
    expect(readState(root)).toEqual({ version: 1, issues: {} });
    const state = { version: 1 as const, issues: {} };
    writeState(root, state);
    appendEvent(root, { issue: 1, event: 'queued' });
    appendEvent(root, { issue: 1, event: 'admitted' });
    expect(readState(root)).toEqual(state);
    const events = readFileSync(join(stateDir(root), 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(events.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['queued', 'admitted']);
  });

  it('says how to recover from a damaged state file', () => {
    const root = temp();
    writeState(root, { version: 1, issues: {} });
    writeFileSync(join(stateDir(root), 'state.json'), '{"ver');
    expect(() => readState(root)).toThrow(/not readable/);
  });

  it('writes no state and no event through a .harness that links out of the repository', () => {
    const root = temp();
    const outside = temp();
    symlinkSync(outside, join(root, '.harness'));
    expect(() => writeState(root, { version: 1, issues: {} })).toThrow(/refusing to write/);
    expect(() => appendEvent(root, { event: 'queued' })).toThrow(/refusing to write/);
    expect(existsSync(join(outside, 'factory'))).toBe(false);
  });
});
