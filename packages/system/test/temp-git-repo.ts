// Temporary folders for the git adapter's tests, removed after each test: plain ones, and small
// repositories (`git init`, the given files written, nothing added).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runGit } from '../src/git.js';

export interface TempGitRepos {
  /** An empty folder named `harness-system-<name>-…`. */
  folder: (name: string) => string;
  /** A new repository holding `files` (path → text), untracked. */
  repo: (files?: Record<string, string>) => Promise<string>;
}

/** Call at the top of a test file: the folders it makes are removed after each test. */
export function useTempGitRepos(name: string): TempGitRepos {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const folder = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `harness-system-${prefix}-`));
    made.push(dir);
    return dir;
  };
  return {
    folder,
    async repo(files = {}) {
      const dir = folder(name);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      await runGit(dir, ['init', '-q', '-b', 'main']);
      return dir;
    },
  };
}
