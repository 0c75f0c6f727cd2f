// Append-only logs (budget history, factory events), one JSON line per record. O_APPEND and one
// write(2) per line (https://man7.org/linux/man-pages/man2/write.2.html): the kernel moves to the
// end and writes under the inode lock, so lines from concurrent processes never tear or interleave
// on a local file system. The file must stay inside the root; its folder is created. A log that
// would grow without end is rotated: past a size, it is renamed to one older file, which it replaces.
import type { WriteStream } from 'node:fs';
import {
  closeSync,
  constants,
  createWriteStream,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { HarnessError, isHarnessError } from 'agent-harness-diagnostics';
import { assertInsideRootSync } from './inside-root.js';

interface AppendOptions {
  /**
   * Once the file has `atBytes` bytes or more after this line, it is renamed to `to` (inside the
   * root too), replacing the older file there, and the next line starts a new one. A reader that
   * wants the history reads `path`, then `to`.
   */
  rotate?: { atBytes: number; to: string } | undefined;
}

/** Appends `line` (a newline is added when it has none) to `path` inside `root` with a single write. */
export function appendLineInsideSync(root: string, path: string, line: string, options: AppendOptions = {}): void {
  const target = resolve(root, path);
  const bytes = Buffer.from(line.endsWith('\n') ? line : `${line}\n`, 'utf8');
  try {
    assertInsideRootSync(root, target);
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'a');
    try {
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) throw new Error(`short write: ${written} of ${bytes.length} bytes`);
      if (options.rotate !== undefined) rotateWhenFull(root, target, fd, options.rotate);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    if (isHarnessError(cause)) throw cause;
    const shown = relative(root, target);
    throw new HarnessError('IO_FAILED', `cannot append to ${shown}: ${(cause as Error).message}`, {
      place: { file: shown },
      fix: 'Check that the folder is writable and the disk is not full.',
      cause,
    });
  }
}

/**
 * Renames the log this descriptor appended to once it is full, unless another writer already did
 * (the name then holds another file, or none): of two writers that both see it full, one rotates.
 */
function rotateWhenFull(root: string, target: string, fd: number, rotate: { atBytes: number; to: string }): void {
  const written = fstatSync(fd);
  if (written.size < rotate.atBytes) return;
  const older = resolve(root, rotate.to);
  assertInsideRootSync(root, older);
  try {
    const now = lstatSync(target);
    if (now.ino !== written.ino || now.dev !== written.dev) return;
    renameSync(target, older);
  } catch (cause) {
    // Renamed by another writer between the two calls: its rotation stands.
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
}

/** appendLineInsideSync for async callers. */
export function appendLineInside(root: string, path: string, line: string, options: AppendOptions = {}): Promise<void> {
  return Promise.resolve().then(() => appendLineInsideSync(root, path, line, options));
}

/** O_NOFOLLOW: a log that is a symlink (out of the repository, say) is refused, never appended through. */
const streamFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW;

/**
 * An append-only stream to `path` (a log), whose folder stays inside `root` and is created; a
 * symlink at `path` itself is refused (ELOOP, as IO_FAILED) rather than appended through.
 */
export function openAppendStreamInside(root: string, path: string): WriteStream {
  const target = resolve(root, path);
  try {
    assertInsideRootSync(root, dirname(target));
    mkdirSync(dirname(target), { recursive: true });
    return createWriteStream(target, { fd: openSync(target, streamFlags) });
  } catch (cause) {
    if (isHarnessError(cause)) throw cause;
    const shown = relative(root, target);
    throw new HarnessError('IO_FAILED', `cannot write ${shown}: ${(cause as Error).message}`, {
      place: { file: shown },
      fix: 'Check that the folder is writable, and replace a symlink in its place with nothing (harness creates the file).',
      cause,
    });
  }
}
