// Every file harness writes goes through here: the text goes to a temporary file beside the
// target, created exclusively (O_EXCL never follows a link), fsynced, then renamed over the target
// (POSIX rename(2) replaces it in one step), so a crash, a Ctrl-C or a concurrent reader never sees
// half a file. The temporary name is unique per process and write, so two writers never share one;
// one left by a crash is removed by removeLeftoverTemps. An existing file keeps its mode.
// Spec: https://man7.org/linux/man-pages/man2/rename.2.html, https://man7.org/linux/man-pages/man2/open.2.html (O_EXCL).
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { findEscape, landing } from './inside-root.js';

export interface WriteFileOptions {
  /**
   * A symlink at the target itself is replaced by the file (init's choice: its files are its own),
   * instead of the file the link leads to being written.
   */
  replaceLink?: boolean | undefined;
  /**
   * false: the text is not flushed to the disk before the rename, for a cache that the next run
   * discards and rebuilds when a crash cut it short (a 3 MB cache's fsync cost up to 0.1 s per run).
   */
  durable?: boolean | undefined;
}

const tempMarker = '.harness-tmp-';
/** What `harness init` before 0.2 left beside a file when it was interrupted. */
const legacyTemp = '.harness-init-tmp';
let writes = 0;

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

const exitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let guarded = false;

/**
 * A signal's default action ends the process at once, between the temporary file and the rename,
 * which would leave the temporary file behind. With a listener, Node runs JavaScript for the signal
 * only after the synchronous write below has finished; the listener then stands aside and, when it
 * was the only one, raises the signal again, so the process still ends by it.
 */
function guardSignals(): void {
  if (guarded || !isMainThread) return;
  guarded = true;
  const release = (signal: NodeJS.Signals): void => {
    for (const s of exitSignals) process.removeListener(s, release);
    guarded = false;
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  for (const s of exitSignals) process.on(s, release);
}

/** Writes `contents` to `path` in one step, creating its folder first. */
export function writeFileAtomicSync(path: string, contents: string | Uint8Array, options: WriteFileOptions = {}): void {
  guardSignals();
  const dest = options.replaceLink === true ? path : landing(path);
  mkdirSync(dirname(dest), { recursive: true });
  writes += 1;
  const temp = `${dest}${tempMarker}${process.pid}-${writes}`;
  const mode = modeOf(dest);
  try {
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      writeSync(fd, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, dest);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** writeFileAtomicSync for async callers. */
export function writeFileAtomic(
  path: string,
  contents: string | Uint8Array,
  options: WriteFileOptions = {},
): Promise<void> {
  return Promise.resolve().then(() => writeFileAtomicSync(path, contents, options));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that interrupted writes of `path` (absolute, or relative to `root`)
 * left beside it, of processes that are gone; nothing when its folder leads out of `root`.
 */
export function removeLeftoverTemps(root: string, file: string): void {
  const path = resolve(root, file);
  if (findEscape(root, dirname(path)) !== undefined) return;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  const name = basename(path);
  for (const entry of names) {
    if (!entry.startsWith(name)) continue;
    const rest = entry.slice(name.length);
    const pid = rest.startsWith(tempMarker) ? Number(rest.slice(tempMarker.length).split('-')[0]) : Number.NaN;
    if (rest === legacyTemp || (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid))) {
      rmSync(join(dirname(path), entry), { force: true });
    }
  }
}
