// The git adapter against a real git in temporary repositories.
import { chmodSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  currentBranch,
  GitFailed,
  isWorkTreePath,
  listGitFiles,
  listIgnoredPaths,
  refName,
  runGit,
} from '../src/git.js';
import { useTempGitRepos } from './temp-git-repo.js';

const { folder, repo } = useTempGitRepos('git');

describe('runGit', () => {
  it('is GitFailed (GIT_FAILED) with the exit code and stderr when git fails', async () => {
    const dir = await repo();
    const failure = await runGit(dir, ['rev-parse', '--verify', 'no-such-ref']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitFailed);
    expect(failure).toMatchObject({ code: 'GIT_FAILED', exitCode: 128 });
    expect((failure as GitFailed).message).toContain('git rev-parse --verify no-such-ref failed in');
  });

  it('is GitFailed, not a crash on its closed stdin, when git stops reading at a path outside the work tree', async () => {
    const dir = await repo({ '.gitignore': 'out/\n' });
    const many = Array.from({ length: 5000 }, (_, i) => `src/missing/some/deeper/folder/file${i}.ts`);
    const input = ['../outside.ts', ...many].join('\0');
    await expect(runGit(dir, ['check-ignore', '-z', '--no-index', '--stdin'], { input })).rejects.toBeInstanceOf(
      GitFailed,
    );
  });

  it('takes the exit codes that are answers', async () => {
    const dir = await repo({ 'a.txt': 'a\n' });
    expect((await runGit(dir, ['diff', '--quiet', '--no-index', 'a.txt', 'a.txt'], { okCodes: [1] })).code).toBe(0);
  });

  it('is TOOL_MISSING with the install fix when git cannot be started', async () => {
    const dir = await repo();
    await expect(runGit(dir, ['status'], { env: { PATH: join(dir, 'no-bin') } })).rejects.toMatchObject({
      code: 'TOOL_MISSING',
      fix: expect.stringContaining('Install git'),
    });
  });

  it('never waits on a prompt: a fetch that needs credentials fails instead of asking', async () => {
    const dir = await repo();
    // An HTTP remote on a closed loopback port: git fails at once and never reads a terminal.
    await runGit(dir, ['remote', 'add', 'origin', 'http://127.0.0.1:9/none.git']);
    await expect(runGit(dir, ['fetch', 'origin'])).rejects.toMatchObject({ code: 'GIT_FAILED' });
  });
});

describe.skipIf(process.platform === 'win32')('runGit with a stand-in git first on PATH', () => {
  function fakeGit(script: string): { dir: string; env: Record<string, string | undefined> } {
    const dir = folder('fake-git');
    writeFileSync(join(dir, 'git'), `#!/bin/sh\n${script}\n`);
    chmodSync(join(dir, 'git'), 0o755);
    return { dir, env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` } };
  }

  it('runs git with terminal prompts off, optional locks off and no stdin to wait on', async () => {
    const { dir, env } = fakeGit(
      'printf "prompt=%s\\0locks=%s\\0" "$GIT_TERMINAL_PROMPT" "$GIT_OPTIONAL_LOCKS"; if read -r line; then printf "stdin=open\\0"; else printf "stdin=closed\\0"; fi',
    );
    expect(await listGitFiles(dir, { env })).toEqual(['prompt=0', 'locks=0', 'stdin=closed']);
  });

  it('a failing git is GIT_FAILED with what git said', async () => {
    const { dir, env } = fakeGit('echo "fatal: not a git repository" >&2; exit 128');
    await expect(listGitFiles(dir, { env })).rejects.toMatchObject({
      code: 'GIT_FAILED',
      message: expect.stringContaining('fatal: not a git repository') as unknown,
    });
  });
});

describe('listGitFiles and listIgnoredPaths', () => {
  it('lists tracked and untracked files that are not ignored', async () => {
    const dir = await repo({ '.gitignore': 'dist/\n', 'src/a.ts': '', 'dist/a.js': '' });
    expect((await listGitFiles(dir)).sort()).toEqual(['.gitignore', 'src/a.ts']);
  });

  it('answers which paths are ignored, and never hands git a path that leaves the work tree', async () => {
    const dir = await repo({ '.gitignore': 'dist/\n*.gen.ts\n' });
    const asked = ['dist/a.js', 'src/x.gen.ts', 'src/a.ts', '../outside.gen.ts', '/etc/x.gen.ts', '--help'];
    expect(await listIgnoredPaths(dir, asked)).toEqual(new Set(['dist/a.js', 'src/x.gen.ts']));
    expect(await listIgnoredPaths(dir, ['src/a.ts'])).toEqual(new Set());
  });

  it('keeps paths inside the work tree', () => {
    expect(['a', 'a/b.ts', '.github/x', 'bench/.work/'].every(isWorkTreePath)).toBe(true);
    expect(['', '/', '../a', 'a/../../b', '/abs', 'a//b', './a', '-x', 'a\0b', 'a//'].some(isWorkTreePath)).toBe(false);
  });
});

describe('currentBranch and refName', () => {
  it('names the branch, or undefined on a detached HEAD', async () => {
    const dir = await repo({ 'a.txt': 'a\n' });
    expect(await currentBranch(dir)).toBe('main');
    await runGit(dir, ['add', '-A']);
    await runGit(dir, ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'a']);
    await runGit(dir, ['checkout', '-q', '--detach']);
    expect(await currentBranch(dir)).toBeUndefined();
  });

  it('refuses a branch name git would read as an option', () => {
    expect(() => refName('--upload-pack=x', 'branch')).toThrow(/not a branch name/);
    expect(refName('feature/x', 'branch')).toBe('feature/x');
  });
});
