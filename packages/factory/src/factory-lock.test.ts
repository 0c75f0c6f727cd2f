import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { HarnessError } from '@harness/diagnostics';
import { describe, expect, it } from 'vitest';
import { acquireLock } from './factory-lock.js';
import { appendEvent, readState, stateDir, writeState } from './factory-state.js';

describe('acquireLock', () => {
  it('refuses a second loop with LOCKED naming the holder, and frees on release', () => {
    const root = mkdtempSync(join(tmpdir(), 'factory-lock-'));
    const first = acquireLock(root);
    let error: unknown;
    try {
      acquireLock(root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('LOCKED');
    expect((error as HarnessError).message).toContain(`pid ${process.pid}`);
    first.release();
    acquireLock(root).release();
  });

  it('takes over the lock of a loop that died', () => {
    const root = mkdtempSync(join(tmpdir(), 'factory-lock-'));
    acquireLock(root);
    const dead = { pid: 2 ** 22 + 17, host: hostname(), startedAt: '2026-01-01T00:00:00Z' };
    writeFileSync(join(stateDir(root), 'lock'), JSON.stringify(dead));
    const lock = acquireLock(root);
    expect(lock.tookOverFrom).toEqual(dead);
    lock.release();
  });
});

describe('factory state', () => {
  it('round-trips state and starts empty', () => {
    const root = mkdtempSync(join(tmpdir(), 'factory-state-'));
    expect(readState(root)).toEqual({ version: 1, issues: {} });
    const state = { version: 1 as const, issues: {} };
    writeState(root, state);
    appendEvent(root, { issue: 1, event: 'queued' });
    expect(readState(root)).toEqual(state);
  });

  it('says how to recover from a damaged state file', () => {
    const root = mkdtempSync(join(tmpdir(), 'factory-state-'));
    writeState(root, { version: 1, issues: {} });
    writeFileSync(join(stateDir(root), 'state.json'), '{"ver');
    expect(() => readState(root)).toThrow(/not readable/);
  });
});
