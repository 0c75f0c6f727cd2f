// A lock file created with O_EXCL (open "wx"): held by one process at a time across all
// worktrees of a repository; a lock whose process is gone is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { mkdirInside } from './write-inside.js';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockIsStale(lock: string): Promise<boolean> {
  try {
    const pid = Number(await readFile(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 && !pidAlive(pid);
  } catch {
    return false;
  }
}

/** Where a lock lives: `lock` inside `root` (git's common dir), whose folder is made inside it. */
export interface LockPath {
  root: string;
  lock: string;
}

export async function withFileLock<T>({ root, lock }: LockPath, waitMs: number, work: () => Promise<T>): Promise<T> {
  await mkdirInside(root, dirname(lock));
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await lockIsStale(lock)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > waitMs) {
        throw new HarnessError('LOCKED', `${lock} is held by another harness process`, {
          fix: `Wait for the other \`harness up\` to finish; if none is running, delete ${lock}.`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
