import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { MergeResult } from './merge-pull.js';
import { askLoopToMerge, openMergeSocket } from './merge-socket.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function socketPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fms-'));
  made.push(dir);
  return join(dir, 'merge.sock');
}

it('the loop merges the turn’s PR for the agent; the socket is its owner’s only', async () => {
  const asked: number[] = [];
  const path = socketPath();
  const socket = await openMergeSocket(dirname(path), path, 42, (pr): Promise<MergeResult> => {
    asked.push(pr);
    return Promise.resolve({ ok: true, action: 'merged', sha: 'abc1234' });
  });
  try {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await askLoopToMerge(path, 42)).toEqual({ ok: true, action: 'merged', sha: 'abc1234' });
    expect(asked).toEqual([42]);
  } finally {
    await socket.close();
  }
});

it('another PR than the turn’s is refused without calling the merge', async () => {
  const path = socketPath();
  const socket = await openMergeSocket(dirname(path), path, 42, () => Promise.reject(new Error('must not merge')));
  try {
    expect(await askLoopToMerge(path, 7)).toEqual({ ok: false, reasons: ['this turn works on PR #42, not #7'] });
  } finally {
    await socket.close();
  }
});

it('no loop listening is an IO_FAILED error that says how to merge instead', async () => {
  await expect(askLoopToMerge(socketPath(), 42)).rejects.toMatchObject({ code: 'IO_FAILED' });
});
