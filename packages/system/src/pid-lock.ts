// One lock for every harness process that must run alone (a factory loop per repository, one
// `harness up` per worktree, the port registry): a file holding {pid, host, startedAt}. It appears
// whole: the holder is written to a temporary file that is then hard-linked to the lock's name, and
// link(2) fails with EEXIST when the lock is there (https://man7.org/linux/man-pages/man2/link.2.html),
// so no process ever reads a lock that is half written. A lock whose process is gone (or a zombie) on this host is
// taken over, so `kill -9` never leaves a repository locked; the lock is released when the work ends
// and, failing that, when the process exits.
import { linkSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { removeInsideSync, mkdirInsideSync, writeFileInsideSync } from './write-inside.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface PidLockOptions {
  /** The lock (and its folder, created) stays inside this root. */
  root: string;
  /** The lock file, absolute or relative to the root. */
  path: string;
  /** Who holds the lock, as the LOCKED message starts: "another factory loop is running here". */
  heldBy: string;
  /** How long to wait for a live holder before LOCKED (default 0: fail at once). */
  waitMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** `/proc/<pid>/stat` of a pid, undefined when there is none (tests pass their own). */
  readProcStat?: ((pid: number) => string | undefined) | undefined;
  /** Whether a pid answers kill(pid, 0) (tests pass their own). */
  isRunning?: ((pid: number) => boolean) | undefined;
}

export interface PidLock {
  holder: LockHolder;
  /** The holder before us, when we took over the lock of a process that is gone. */
  tookOverFrom?: LockHolder;
  /** Removes the lock if it is still ours; called again, does nothing. */
  release(): void;
}

/** The holder recorded in a lock file; undefined when there is none or it cannot be read. */
export function readLockHolder(file: string): LockHolder | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  // Locks of harness 0.1's compose held only the pid, written on this host.
  if (typeof value === 'number') return { pid: value, host: hostname(), startedAt: 'unknown' };
  const holder = value as Partial<LockHolder> | null;
  if (holder === null || typeof holder !== 'object' || typeof holder.pid !== 'number') return undefined;
  return { pid: holder.pid, host: String(holder.host ?? hostname()), startedAt: String(holder.startedAt ?? 'unknown') };
}

function answersSignal(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function procStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A zombie (exited, not yet reaped: common in a container without an init) still answers
 * kill(pid, 0), but it is dead: its state in /proc/<pid>/stat, the field after the command name
 * in parentheses, is Z (or X). https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 */
function isAlive(pid: number, options: PidLockOptions): boolean {
  if (!(options.isRunning ?? answersSignal)(pid)) return false;
  const stat = (options.readProcStat ?? procStat)(pid);
  const state = stat?.slice(stat.lastIndexOf(')') + 1).trim()[0];
  return state !== 'Z' && state !== 'X';
}

const sameHolder = (a: LockHolder | undefined, b: LockHolder | undefined): boolean =>
  a !== undefined && b !== undefined && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

/** Creates the lock with the holder in it, or returns false when a lock is there. */
function tryCreate(root: string, file: string, holder: LockHolder): boolean {
  const temp = `${file}.${holder.pid}.new`;
  writeFileInsideSync(root, temp, `${JSON.stringify(holder)}\n`, { replaceLink: true });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function lockedError(options: PidLockOptions, file: string, current: LockHolder | undefined): HarnessError {
  const shown = relative(options.root, file) || file;
  if (current === undefined) {
    return new HarnessError('LOCKED', `${options.heldBy}: the lock ${shown} is held`, {
      place: { file: shown },
      fix: `Wait for the other harness process; if none is running, delete ${file}.`,
    });
  }
  return new HarnessError(
    'LOCKED',
    `${options.heldBy}: pid ${current.pid} on ${current.host}, since ${current.startedAt}`,
    {
      place: { file: shown },
      fix:
        current.host === hostname()
          ? `Wait for it, or stop it (kill ${current.pid}); delete ${file} only if that process is not harness.`
          : `Stop it on ${current.host}, or delete ${file} if that host is gone.`,
    },
  );
}

/**
 * Takes the lock at `path`, taking over one whose process is gone; waits up to `waitMs` for a live
 * holder, then throws LOCKED naming the holder and the fix.
 */
export async function acquirePidLock(options: PidLockOptions): Promise<PidLock> {
  const file = resolve(options.root, options.path);
  mkdirInsideSync(options.root, dirname(file));
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let tookOverFrom: LockHolder | undefined;
  for (;;) {
    if (tryCreate(options.root, file, holder)) return held(options.root, file, holder, tookOverFrom);
    const current = readLockHolder(file);
    const gone = current === undefined || (current.host === holder.host && !isAlive(current.pid, options));
    // A lock that cannot be read was not written by link(2): a hand edit, or a crash of harness 0.1.
    if (gone) {
      // Read again just before removing: another process may have taken it over meanwhile.
      if (current === undefined || sameHolder(readLockHolder(file), current)) removeInsideSync(options.root, file);
      tookOverFrom = current;
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(options, file, current);
    await new Promise((done) => setTimeout(done, 25 + Math.random() * 50));
  }
}

function held(root: string, file: string, holder: LockHolder, tookOverFrom: LockHolder | undefined): PidLock {
  const release = (): void => {
    process.removeListener('exit', release);
    if (sameHolder(readLockHolder(file), holder)) removeInsideSync(root, file);
  };
  process.once('exit', release);
  return { holder, ...(tookOverFrom === undefined ? {} : { tookOverFrom }), release };
}

/** Runs `work` holding the lock, and releases it however the work ends. */
export async function withPidLock<T>(options: PidLockOptions, work: () => Promise<T>): Promise<T> {
  const lock = await acquirePidLock(options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
