import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { acquirePidLock, readLockHolder, withPidLock } from './pid-lock.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-pid-lock-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const heldBy = 'another factory loop is running here';
/** A pid above Linux's pid_max limit (2^22): no process has it. */
const deadPid = 2 ** 22 + 17;

describe('acquirePidLock', () => {
  it('refuses a second holder with LOCKED naming the holder and the fix, and frees on release', async () => {
    const root = temp();
    const first = await acquirePidLock({ root, path: 'state/lock', heldBy });
    expect(readLockHolder(join(root, 'state/lock'))).toEqual(first.holder);
    const error = await acquirePidLock({ root, path: 'state/lock', heldBy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`${heldBy}: pid ${process.pid} on ${hostname()}`),
      fix: expect.stringContaining(`kill ${process.pid}`),
    });
    first.release();
    expect(existsSync(join(root, 'state/lock'))).toBe(false);
    (await acquirePidLock({ root, path: 'state/lock', heldBy })).release();
  });

  it('takes over the lock of a process that is gone, and says whose it was', async () => {
    const root = temp();
    const dead = { pid: deadPid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(root, 'lock'), JSON.stringify(dead));
    const lock = await acquirePidLock({ root, path: 'lock', heldBy });
    expect(lock.tookOverFrom).toEqual(dead);
    expect(readLockHolder(join(root, 'lock'))?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock of harness 0.1 that holds only a dead pid', async () => {
    const root = temp();
    writeFileSync(join(root, 'lock'), String(deadPid));
    const lock = await acquirePidLock({ root, path: 'lock', heldBy });
    expect(lock.tookOverFrom?.pid).toBe(deadPid);
    lock.release();
  });

  it('takes over the lock of a zombie (exited, not yet reaped): /proc says state Z', async () => {
    const root = temp();
    const zombie = { pid: 4242, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(root, 'lock'), JSON.stringify(zombie));
    const readProcStat = (pid: number) => (pid === 4242 ? '4242 (node (harness)) Z 1 4242 4242 0 -1' : undefined);
    // The pid answers kill(pid, 0), as a zombie's does: only /proc tells it is dead.
    const lock = await acquirePidLock({ root, path: 'lock', heldBy, readProcStat, isRunning: () => true });
    expect(lock.tookOverFrom).toEqual(zombie);
    lock.release();
    writeFileSync(join(root, 'lock'), JSON.stringify(zombie));
    const sleeping = () => '4242 (node) S 1 4242 4242 0 -1';
    await expect(
      acquirePidLock({ root, path: 'lock', heldBy, readProcStat: sleeping, isRunning: () => true }),
    ).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it.skipIf(!existsSync('/proc/self/stat'))('takes over the lock of a real zombie process', async () => {
    const root = temp();
    // sh starts a child, then becomes `sleep`, which never reaps it. The child exits only once its
    // parent is `sleep` (so sh cannot reap it first): a zombie until `sleep` ends.
    const script = '(while [ "$(cat /proc/$$/comm)" != sleep ]; do :; done) & echo $!; exec sleep 30';
    const parent = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(
        await new Promise<string>((done) => parent.stdout.once('data', (d: Buffer) => done(String(d)))),
      );
      // Wait for the kernel to report the exit (a property, not a time): the child is a zombie then.
      const stat = () => readFileSync(`/proc/${pid}/stat`, 'utf8');
      for (let i = 0; i < 500 && !/\) Z /.test(stat()); i += 1) await new Promise((done) => setTimeout(done, 10));
      expect(stat()).toMatch(/\) Z /);
      writeFileSync(join(root, 'lock'), JSON.stringify({ pid, host: hostname(), startedAt: 'zombie' }));
      const lock = await acquirePidLock({ root, path: 'lock', heldBy });
      expect(lock.tookOverFrom?.pid).toBe(pid);
      lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('never takes over a live holder on another host', async () => {
    const root = temp();
    writeFileSync(join(root, 'lock'), JSON.stringify({ pid: deadPid, host: 'elsewhere', startedAt: 'x' }));
    await expect(acquirePidLock({ root, path: 'lock', heldBy })).rejects.toMatchObject({
      code: 'LOCKED',
      fix: expect.stringContaining('elsewhere'),
    });
  });

  it('release leaves a lock that another process took over alone', async () => {
    const root = temp();
    const lock = await acquirePidLock({ root, path: 'lock', heldBy });
    const other = { pid: deadPid, host: hostname(), startedAt: 'later' };
    writeFileSync(join(root, 'lock'), JSON.stringify(other));
    lock.release();
    expect(readLockHolder(join(root, 'lock'))).toEqual(other);
  });

  it('is released when the process exits without releasing it', async () => {
    const root = temp();
    const before = new Set(process.listeners('exit'));
    await acquirePidLock({ root, path: 'lock', heldBy });
    const added = process.listeners('exit').filter((l) => !before.has(l));
    expect(added).toHaveLength(1);
    (added[0] as () => void)();
    expect(existsSync(join(root, 'lock'))).toBe(false);
    expect(process.listeners('exit')).toHaveLength(before.size);
  });

  it('does not create a lock through a folder symlink that leads out of the root', async () => {
    const root = temp();
    const outside = temp();
    symlinkSync(outside, join(root, 'state'));
    await expect(acquirePidLock({ root, path: 'state/lock', heldBy })).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(existsSync(join(outside, 'lock'))).toBe(false);
  });
});

describe('withPidLock', () => {
  it('runs one holder at a time in the same process, and releases when the work throws', async () => {
    const root = temp();
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = withPidLock({ root, path: 'lock', heldBy, waitMs: 60_000 }, async () => {
      order.push('first in');
      await new Promise<void>((done) => (releaseFirst = done));
      order.push('first out');
    });
    // The second waits for the first: the lock names this very process, which is alive.
    const second = withPidLock({ root, path: 'lock', heldBy, waitMs: 60_000 }, () => {
      order.push('second in');
      return Promise.reject(new Error('boom'));
    });
    await new Promise((done) => setImmediate(done));
    releaseFirst();
    await first;
    await expect(second).rejects.toThrow('boom');
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(existsSync(join(root, 'lock'))).toBe(false);
  });
});
