// init's writes as one undoable step: before each file is written, what was
// there (nothing, a file's bytes, a link) is kept, so that when a later write
// or a baseline's check fails, every file init wrote is taken back (new files
// and the folders made for them removed, changed files restored) and the
// error can say exactly what, if anything, is left written.
import { lstat, readFile, readlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { removeEmptyFolderInside, removeInside, symlinkInside, writeFileInside } from 'agent-harness-system';

/** Writes one file (path relative to the root); `write` is the atomic write init uses. Tests replace it to fail on purpose. */
export type WriteFileHook = (
  path: string,
  content: string,
  write: (path: string, content: string) => Promise<void>,
) => Promise<void>;

type Previous = { kind: 'missing' } | { kind: 'file'; bytes: Buffer } | { kind: 'link'; to: string };

interface Entry {
  path: string;
  previous: Previous;
  /** Folders created for this file, deepest first. */
  folders: string[];
}

export class WriteJournal {
  private readonly entries: Entry[] = [];

  constructor(
    private readonly root: string,
    private readonly hook?: WriteFileHook,
  ) {}

  /** Paths written so far, in order. */
  get written(): string[] {
    return this.entries.filter((e) => e.path !== '').map((e) => e.path);
  }

  async write(path: string, content: string): Promise<void> {
    const previous = await this.capture(path);
    const folders = await this.missingFolders(path);
    // init's files are its own: a link at the path is replaced (and restored on undo), never written through.
    const atomic = (file: string, text: string) => writeFileInside(this.root, file, text, { replaceLink: true });
    try {
      await (this.hook === undefined ? atomic(path, content) : this.hook(path, content, atomic));
    } catch (cause) {
      // The folders may exist already; the file was not written.
      this.entries.push({ path: '', previous: { kind: 'missing' }, folders });
      throw writeFailure(path, cause);
    }
    this.entries.push({ path, previous, folders });
  }

  /** Takes back every write, newest first; returns the paths that could not be restored. */
  async rollback(): Promise<string[]> {
    const left: string[] = [];
    for (const entry of this.entries.splice(0).reverse()) {
      try {
        if (entry.path !== '') await this.restore(entry.path, entry.previous);
      } catch {
        left.push(entry.path);
      }
      for (const folder of entry.folders) removeEmptyFolderInside(this.root, folder);
    }
    return left;
  }

  private async restore(path: string, previous: Previous): Promise<void> {
    if (previous.kind === 'missing') return removeInside(this.root, path);
    if (previous.kind === 'link') return symlinkInside(this.root, path, previous.to);
    return writeFileInside(this.root, path, previous.bytes, { replaceLink: true });
  }

  private async capture(path: string): Promise<Previous> {
    const absolute = join(this.root, path);
    const stats = await lstat(absolute).catch(() => undefined);
    if (stats === undefined) return { kind: 'missing' };
    if (stats.isSymbolicLink()) return { kind: 'link', to: await readlink(absolute) };
    return { kind: 'file', bytes: await readFile(absolute) };
  }

  private async missingFolders(path: string): Promise<string[]> {
    const folders: string[] = [];
    for (let folder = dirname(path); folder !== '.' && folder !== ''; folder = dirname(folder)) {
      if (
        await lstat(join(this.root, folder)).then(
          () => true,
          () => false,
        )
      )
        break;
      folders.push(folder);
    }
    return folders;
  }
}

function writeFailure(path: string, error: unknown): HarnessError {
  // agent-harness-system reports a failed write as IO_FAILED around the system's error; init says more about that one.
  const inner = error instanceof HarnessError && error.code === 'IO_FAILED' ? errnoOf(error.cause) : undefined;
  const cause = inner ?? error;
  if (cause instanceof HarnessError) return cause;
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some disk space, then run init again.'
      : code === 'EISDIR'
        ? `Move or rename the folder ${path}, then run init again.`
        : `Make the folder of ${path} writable (or run init as the owner of the repository), then run init again.`;
  return new HarnessError('IO_FAILED', `cannot write ${path}: ${reason}`, { place: { file: path }, fix, cause });
}

function errnoOf(cause: unknown): NodeJS.ErrnoException | undefined {
  return cause instanceof Error && typeof (cause as NodeJS.ErrnoException).code === 'string' ? cause : undefined;
}

/**
 * The error to show after an undo: the original one, saying what is left. A
 * HarnessError keeps its code, place and fix; anything else is still a bug in
 * harness and is reported as one, with the same words added.
 */
export function afterUndo(error: unknown, left: readonly string[]): unknown {
  const words =
    left.length === 0
      ? 'init undid its writes: nothing is left written'
      : `init could not undo these, which are left written: ${left.join(', ')}`;
  if (error instanceof HarnessError) {
    return new HarnessError(error.code, `${error.message}; ${words}`, {
      place: error.place,
      fix: error.fix,
      cause: error,
    });
  }
  if (error instanceof Error) {
    error.message = `${error.message} (${words})`;
    return error;
  }
  return new Error(`${String(error)} (${words})`);
}
