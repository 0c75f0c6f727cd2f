// The two sides the guard compares: a commit read through git (one `git cat-file --batch-check`
// for the paths asked together, then a bounded number of blob reads), and the working tree read
// from disk. Both answer repository-relative paths.
// Spec: https://git-scm.com/docs/git-cat-file#_batch_output, https://git-scm.com/docs/git-ls-tree
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listGitFiles, runGit, splitNul } from 'agent-harness-system';
import type { GuardSnapshot } from './guard-types.js';

/** At most this many `git cat-file blob` processes at once per snapshot. */
const blobReaders = 8;

/** The files of `commit`, read through git; `label` is how a person names it (`main (3f2a1c0)`). */
export function commitSnapshot(root: string, commit: string, label: string): GuardSnapshot {
  let files: Promise<readonly string[]> | undefined;
  const texts = new Map<string, Promise<string | undefined>>();
  const lookUp = batchedLookUp(root, commit);
  const limit = createLimit(blobReaders);
  return {
    label,
    listFiles() {
      files ??= runGit(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]).then((r) =>
        splitNul(r.stdout),
      );
      return files;
    },
    readFile(path) {
      let text = texts.get(path);
      if (text === undefined) {
        text = lookUp(path).then((blob) =>
          blob === undefined ? undefined : limit(async () => (await runGit(root, ['cat-file', 'blob', blob])).stdout),
        );
        texts.set(path, text);
      }
      return text;
    },
  };
}

/**
 * The blob id of a path at `commit`, or undefined when the path is absent or not a file. The paths
 * asked for in one turn of the event loop go to one `git cat-file --batch-check` process, which
 * answers a line per line asked, in order (`<id> <type> <size>`, or `<object> missing`).
 */
function batchedLookUp(root: string, commit: string): (path: string) => Promise<string | undefined> {
  let queue: { path: string; resolve: (id: string | undefined) => void; reject: (error: unknown) => void }[] = [];
  const flush = (): void => {
    const asked = queue;
    queue = [];
    const input = asked.map((a) => `${commit}:${a.path}\n`).join('');
    runGit(root, ['cat-file', '--batch-check'], { input }).then(
      (result) => {
        const lines = result.stdout.split('\n');
        asked.forEach((a, i) => {
          const [id, type] = (lines[i] ?? '').split(' ');
          a.resolve(type === 'blob' ? id : undefined);
        });
      },
      (error: unknown) => {
        for (const a of asked) a.reject(error);
      },
    );
  };
  return (path) => {
    // A name git's line protocol cannot carry is no file this snapshot can name.
    if (path.includes('\n') || path.includes('\r')) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ path, resolve, reject });
    });
  };
}

/** Runs at most `max` of the given tasks at once, the rest in the order they came. */
function createLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot straight to the next in line, so no newcomer slips in between.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}

/** The working tree of `root`: what the change is, committed or not. */
export function workTreeSnapshot(root: string, label = 'the working tree'): GuardSnapshot {
  let files: Promise<readonly string[]> | undefined;
  return {
    label,
    listFiles() {
      files ??= listGitFiles(root);
      return files;
    },
    async readFile(path) {
      try {
        return await readFile(join(root, path), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
        throw error;
      }
    },
  };
}

/** A side held in memory, for tests and for callers that already have the texts. */
export function memorySnapshot(files: Readonly<Record<string, string>>, label = 'memory'): GuardSnapshot {
  return {
    label,
    listFiles: () => Promise.resolve(Object.keys(files).sort()),
    readFile: (path) => Promise.resolve(Object.hasOwn(files, path) ? files[path] : undefined),
  };
}
