import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHistory } from '../../../test-support/git-history.js';
import { resolveBase } from '../src/cli/base-ref.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'base-ref-'));
  dirs.push(dir);
  return dir;
}

/** main with a.txt; `feature` branches from it and adds b.txt; main moves on after (c.txt). */
function repo(): { dir: string; forkPoint: string } {
  const { root, forkPoint } = createGitHistory(
    { 'a.txt': 'a\n' },
    { 'b.txt': 'b\n' },
    { prefix: 'base-ref-', branch: 'feature', mainMovesOn: { 'c.txt': 'c\n' } },
  );
  dirs.push(root);
  return { dir: root, forkPoint };
}

describe('resolveBase', () => {
  it('--base REF is the merge base of HEAD and REF, not REF itself', async () => {
    const { dir, forkPoint } = repo();
    expect(await resolveBase(dir, { ref: 'main' })).toEqual({ base: { ref: 'main', commit: forkPoint } });
  });

  it('GITHUB_BASE_REF names origin/<ref> when the clone has it, else <ref>', async () => {
    const { dir, forkPoint } = repo();
    expect(await resolveBase(dir, { env: { GITHUB_BASE_REF: 'main' } })).toEqual({
      base: { ref: 'main', commit: forkPoint },
    });
    const clone = join(tempDir(), 'clone');
    git(dir, 'clone', '-q', '--branch', 'feature', dir, clone);
    expect(await resolveBase(clone, { env: { GITHUB_BASE_REF: 'main' } })).toEqual({
      base: { ref: 'origin/main', commit: forkPoint },
    });
  });

  it('a pull request event without GITHUB_BASE_REF (a review) names the base in GITHUB_EVENT_PATH', async () => {
    const { dir, forkPoint } = repo();
    git(dir, 'branch', '-q', '-m', 'main', 'trunk');
    expect((await resolveBase(dir)).skipped).toMatch(/^no default branch/);
    const event = join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'submitted', pull_request: { number: 7, base: { ref: 'trunk' } } }));
    expect(await resolveBase(dir, { env: { GITHUB_BASE_REF: '', GITHUB_EVENT_PATH: event } })).toEqual({
      base: { ref: 'trunk', commit: forkPoint },
    });
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/feature' }));
    expect((await resolveBase(dir, { env: { GITHUB_EVENT_PATH: event } })).skipped).toMatch(/^no default branch/);
  });

  it('--base wins over GITHUB_BASE_REF; an empty GITHUB_BASE_REF (a push) falls back to the default branch', async () => {
    const { dir, forkPoint } = repo();
    const head = git(dir, 'rev-parse', 'HEAD~0');
    expect((await resolveBase(dir, { ref: 'feature', env: { GITHUB_BASE_REF: 'main' } })).base?.commit).toBe(head);
    expect(await resolveBase(dir, { env: { GITHUB_BASE_REF: '' } })).toEqual({
      base: { ref: 'main', commit: forkPoint },
    });
  });

  it('skips, with the reason, on the default branch, without one, and without commits', async () => {
    const { dir } = repo();
    git(dir, 'checkout', '-q', 'main');
    expect(await resolveBase(dir)).toEqual({ base: undefined, skipped: 'on the default branch: nothing to compare' });
    git(dir, 'branch', '-q', '-m', 'main', 'trunk');
    git(dir, 'checkout', '-q', 'feature');
    expect((await resolveBase(dir)).skipped).toMatch(/^no default branch to compare with/);
    const empty = tempDir();
    git(empty, 'init', '-q', '-b', 'main');
    expect(await resolveBase(empty)).toEqual({ base: undefined, skipped: 'no commits yet: nothing to compare' });
    const plain = tempDir();
    mkdirSync(join(plain, 'x'));
    expect((await resolveBase(join(plain, 'x'))).skipped).toMatch(/^not a git work tree/);
  });

  it('a named base the repository lacks is exit 2, and a shallow clone is told to fetch the history', async () => {
    const { dir } = repo();
    await expect(resolveBase(dir, { ref: 'nope' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(resolveBase(dir, { ref: '--upload-pack=x' })).rejects.toMatchObject({ code: 'USAGE' });
    const shallow = join(tempDir(), 'shallow');
    git(dir, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${dir}`, shallow);
    const error = resolveBase(shallow, { env: { GITHUB_BASE_REF: 'main' } });
    await expect(error).rejects.toMatchObject({ code: 'GIT_FAILED' });
    await expect(error).rejects.toMatchObject({ fix: expect.stringContaining('fetch-depth: 0') });
    const plain = tempDir();
    await expect(resolveBase(plain, { ref: 'main' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
