// The synchronous git questions answer exactly what their asynchronous twins answer, against a real git.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { GitFailed, listGitFiles, listIgnoredPaths, runGit } from '../src/git.js';
import { listGitFilesSync, listIgnoredPathsSync } from '../src/git-sync.js';
import { useTempGitRepos } from './temp-git-repo.js';

const { folder, repo } = useTempGitRepos('git-sync');

const files = {
  '.gitignore': 'gen/\n*.log\n',
  'src/a.ts': '',
  'src/b.ts': '',
  'gen/out.ts': '',
  'x.log': '',
  'tracked.log': '',
};

describe('listGitFilesSync', () => {
  it('lists what listGitFiles lists: tracked files and untracked ones git does not ignore', async () => {
    const dir = await repo(files);
    await runGit(dir, ['add', '-f', 'tracked.log', 'src/a.ts']);
    const listed = listGitFilesSync(dir);
    expect(listed.sort()).toEqual((await listGitFiles(dir)).sort());
    expect(listed).toContain('tracked.log');
    expect(listed).toContain('src/b.ts');
    expect(listed).not.toContain('gen/out.ts');
  });

  it('is GitFailed outside a work tree', () => {
    const dir = folder('no-git');
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
    expect(() => listGitFilesSync(dir, { env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } })).toThrow(
      GitFailed,
    );
  });
});

describe('listIgnoredPathsSync', () => {
  it('answers what listIgnoredPaths answers, with and without the index', async () => {
    const dir = await repo(files);
    await runGit(dir, ['add', '-f', 'tracked.log']);
    const asked = ['gen/out.ts', 'gen/missing.ts', 'x.log', 'tracked.log', 'src/a.ts', '../outside.ts'];
    for (const noIndex of [true, false]) {
      const syncly = listIgnoredPathsSync(dir, asked, { noIndex });
      expect(syncly).toEqual(await listIgnoredPaths(dir, asked, { noIndex }));
    }
    expect(listIgnoredPathsSync(dir, asked, { noIndex: false })).toEqual(
      new Set(['gen/out.ts', 'gen/missing.ts', 'x.log']),
    );
  });
});
