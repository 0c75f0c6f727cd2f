// How many git processes finding the base costs (docs/decisions.md, "The base in two rounds of git"):
// every `harness check` in a git work tree asks, so the questions are batched. A `git` first on PATH
// records each call and hands it to the real git; the assertions are about the answers and the
// number of calls, never about time.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHistory } from '../../../test-support/git-history.js';
import { resolveBase } from '../src/cli/base-ref.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'base-ref-calls-'));
  dirs.push(dir);
  return dir;
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

let log = '';
let savedPath: string | undefined;
beforeAll(() => {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const bin = tempDir();
  log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  savedPath = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => rmSync(log, { force: true }));

/** The git calls made since the last one counted. */
function calls(): string[] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    // no call
  }
  rmSync(log, { force: true });
  return text.split('\n').filter((line) => line !== '');
}

/** main with one commit (the fork point), `feature` one commit past it, main one more after that. */
function repo(): { dir: string; forkPoint: string } {
  const { root, forkPoint } = createGitHistory(
    { 'a.txt': 'a\n' },
    {},
    { prefix: 'base-ref-calls-', branch: 'feature', mainMovesOn: {} },
  );
  dirs.push(root);
  calls();
  return { dir: root, forkPoint };
}

/** A clone of repo() on `feature`, whose origin/HEAD names origin/main. */
function clone(): { dir: string; forkPoint: string } {
  const { dir: origin, forkPoint } = repo();
  const dir = join(tempDir(), 'clone');
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'clone', '-q', origin, dir);
  git(dir, 'checkout', '-q', '-b', 'feature', forkPoint);
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'feature');
  calls();
  return { dir, forkPoint };
}

describe('resolveBase asks git little', () => {
  it('on a branch of main: the merge base, from at most three git processes', async () => {
    const { dir, forkPoint } = repo();
    expect(await resolveBase(join(dir), {})).toEqual({ base: { ref: 'main', commit: forkPoint } });
    expect(calls().length).toBeLessThanOrEqual(3);
  });

  it('with origin/HEAD: named as origin/HEAD names it, from at most three git processes', async () => {
    const { dir, forkPoint } = clone();
    expect(await resolveBase(dir)).toEqual({ base: { ref: 'origin/main', commit: forkPoint } });
    expect(calls().length).toBeLessThanOrEqual(3);
  });

  it('an origin/HEAD that is no symbolic ref is passed over for main, as before', async () => {
    const { dir, forkPoint } = clone();
    git(dir, 'update-ref', '--no-deref', 'refs/remotes/origin/HEAD', git(dir, 'rev-parse', 'origin/main'));
    calls();
    expect(await resolveBase(dir)).toEqual({ base: { ref: 'main', commit: forkPoint } });
  });

  it('on the default branch: the skip, from at most two git processes', async () => {
    const { dir } = repo();
    git(dir, 'checkout', '-q', 'main');
    calls();
    expect(await resolveBase(dir)).toEqual({ base: undefined, skipped: 'on the default branch: nothing to compare' });
    expect(calls().length).toBeLessThanOrEqual(2);
  });

  it('a named base: the merge base from at most three git processes; a subfolder finds the same', async () => {
    const { dir, forkPoint } = repo();
    mkdirSync(join(dir, 'sub'));
    expect(await resolveBase(join(dir, 'sub'), { ref: 'main' })).toEqual({ base: { ref: 'main', commit: forkPoint } });
    expect(calls().length).toBeLessThanOrEqual(3);
  });

  it('a folder inside .git is no work tree, named base or not', async () => {
    const { dir } = repo();
    expect((await resolveBase(join(dir, '.git'))).skipped).toMatch(/^not a git work tree/);
    await expect(resolveBase(join(dir, '.git'), { ref: 'main' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
