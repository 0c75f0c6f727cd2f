// The two sides the guard compares: a commit read through git (`git cat-file --batch` for many
// files in one process), and the working tree read from disk. Both answer repository-relative paths.
// Spec: https://git-scm.com/docs/git-cat-file#_batch_output, https://git-scm.com/docs/git-ls-tree
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listGitFiles, runGit, splitNul } from 'agent-harness-system';
import type { GuardSnapshot } from './guard-types.js';

/** The files of `commit`, read through git; `label` is how a person names it (`main (3f2a1c0)`). */
export function commitSnapshot(root: string, commit: string, label: string): GuardSnapshot {
  let files: Promise<readonly string[]> | undefined;
  const texts = new Map<string, Promise<string | undefined>>();
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
        text = readBlob(root, commit, path);
        texts.set(path, text);
      }
      return text;
    },
  };
}

async function readBlob(root: string, commit: string, path: string): Promise<string | undefined> {
  // `cat-file -p <commit>:<path>` exits 128 for a missing path; a folder is not a file either.
  const type = await runGit(root, ['cat-file', '-t', `${commit}:${path}`], { okCodes: [128] });
  if (type.code !== 0 || type.stdout.trim() !== 'blob') return undefined;
  return (await runGit(root, ['cat-file', 'blob', `${commit}:${path}`])).stdout;
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
