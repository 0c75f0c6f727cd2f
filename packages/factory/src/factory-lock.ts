// One loop per repository: `.harness/factory/lock`, created exclusively, holds
// {pid, host, startedAt}. A second loop fails with LOCKED (exit 2) naming the holder;
// a lock whose process is gone on this host is taken over, so `kill -9` never
// leaves the repository locked.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { stateDir } from './factory-state.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface FactoryLock {
  holder: LockHolder;
  /** The holder before us, when we took over a dead loop's lock. */
  tookOverFrom?: LockHolder;
  release(): void;
}

export function acquireLock(root: string, now: Date = new Date()): FactoryLock {
  const dir = stateDir(root);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'lock');
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
      return {
        holder,
        ...(tookOverFrom === undefined ? {} : { tookOverFrom }),
        release: () => {
          if (readHolder(file)?.pid === holder.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(file);
    if (current !== undefined && (current.host !== holder.host || isAlive(current.pid))) {
      throw new HarnessError(
        'LOCKED',
        `another factory loop is running here: pid ${current.pid} on ${current.host}, since ${current.startedAt}`,
        {
          place: { file },
          fix:
            current.host === holder.host
              ? `Stop it (kill ${current.pid}) or wait for it; delete the lock only if that process is not a harness factory.`
              : 'Stop the loop on that host, or delete the lock if that host is gone.',
        },
      );
    }
    tookOverFrom = current;
    rmSync(file, { force: true });
  }
  throw new HarnessError('LOCKED', 'could not take the factory lock', {
    place: { file },
    fix: 'Another loop started at the same moment; try again.',
  });
}

export function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
