// Small repositories on disk for rule tests: files written to a fresh folder under the OS temp dir
// (no git unless asked, so every file on disk counts), removed when the test ends.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocsConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { onTestFinished } from 'vitest';
import type { DocsModel } from './docs-model.js';
import { buildDocsModel } from './docs-model.js';

export interface TempRepoOptions {
  config?: Partial<DocsConfig>;
  /** path → link text */
  symlinks?: Record<string, string>;
}

export async function writeTempRepo(
  files: Record<string, string>,
  symlinks: Record<string, string> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'harness-docs-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  for (const [path, target] of Object.entries(symlinks)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await symlink(target, join(root, path));
  }
  return root;
}

export function docsConfig(config: Partial<DocsConfig> = {}): DocsConfig {
  return { ...sectionDefaults('docs'), ...config };
}

export async function modelOf(files: Record<string, string>, options: TempRepoOptions = {}): Promise<DocsModel> {
  const root = await writeTempRepo(files, options.symlinks);
  return buildDocsModel({ root, config: docsConfig(options.config) });
}

/** Runs git in `root` with fixed author and dates (ISO strings), as the stale rule's tests need. */
export function git(root: string, args: readonly string[], date = '2026-01-01T12:00:00Z'): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

/** A git repository with the files committed on `date`. */
export async function writeGitRepo(
  files: Record<string, string>,
  date: string,
  symlinks: Record<string, string> = {},
): Promise<string> {
  const root = await writeTempRepo(files, symlinks);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'initial'], date);
  return root;
}
