import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentBranch, listRepoFiles } from './git-adapter.js';

// A stand-in `git` first on PATH: it reports what init's git adapter gives it.
const made: string[] = [];
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeGit(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-init-git-'));
  made.push(dir);
  writeFileSync(join(dir, 'git'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, 'git'), 0o755);
  process.env.PATH = `${dir}${delimiter}${savedPath ?? ''}`;
  return dir;
}

describe.skipIf(process.platform === 'win32')('git adapter', () => {
  it('runs git with terminal prompts off and no stdin to wait on', async () => {
    const dir = fakeGit(
      'printf "prompt=%s\\0" "$GIT_TERMINAL_PROMPT"; if read -r line; then printf "stdin=open\\0"; else printf "stdin=closed\\0"; fi',
    );
    expect(await listRepoFiles(dir)).toEqual(['prompt=0', 'stdin=closed']);
  });

  it('a failing git is GIT_FAILED with what git said, and the branch of a failing git is unknown', async () => {
    const dir = fakeGit('echo "fatal: not a git repository" >&2; exit 128');
    await expect(listRepoFiles(dir)).rejects.toMatchObject({
      code: 'GIT_FAILED',
      message: expect.stringContaining('fatal: not a git repository') as unknown,
    });
    expect(await currentBranch(dir)).toBeUndefined();
  });
});
