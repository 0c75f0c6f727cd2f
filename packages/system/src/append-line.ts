// Append-only logs (budget history, factory events), one JSON line per record. O_APPEND and one
// write(2) per line (https://man7.org/linux/man-pages/man2/write.2.html): the kernel moves to the
// end and writes under the inode lock, so lines from concurrent processes never tear or interleave
// on a local file system. The file must stay inside the root; its folder is created.
import type { WriteStream } from 'node:fs';
import { closeSync, constants, createWriteStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { HarnessError, isHarnessError } from 'agent-harness-diagnostics';
import { assertInsideRootSync } from './inside-root.js';

/** Appends `line` (a newline is added when it has none) to `path` inside `root` with a single write. */
export function appendLineInsideSync(root: string, path: string, line: string): void {
  const target = resolve(root, path);
  const bytes = Buffer.from(line.endsWith('\n') ? line : `${line}\n`, 'utf8');
  try {
    assertInsideRootSync(root, target);
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'a');
    try {
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) throw new Error(`short write: ${written} of ${bytes.length} bytes`);
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

/** appendLineInsideSync for async callers. */
export function appendLineInside(root: string, path: string, line: string): Promise<void> {
  return Promise.resolve().then(() => appendLineInsideSync(root, path, line));
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
