import { describe, expect, it } from 'vitest';
import { parseRemoteUrl, parseRepository, resolveRepository } from './repository.js';

describe('parseRemoteUrl', () => {
  it.each([
    ['https://github.com/octo-org/octo-repo.git', 'octo-org/octo-repo'],
    ['https://github.com/octo-org/octo-repo', 'octo-org/octo-repo'],
    ['https://user:token@github.com/octo-org/octo.repo/', 'octo-org/octo.repo'],
    ['git@github.com:octo-org/octo-repo.git', 'octo-org/octo-repo'],
    ['ssh://git@github.com:22/octo-org/octo-repo.git', 'octo-org/octo-repo'],
    ['git@ghe.example.com:team/app', 'team/app'],
  ])('reads %s as %s', (url, expected) => {
    const parsed = parseRemoteUrl(url);
    expect(parsed && `${parsed.owner}/${parsed.repo}`).toBe(expected);
  });

  it.each(['/srv/git/app.git', 'file:///srv/app', 'github.com', ''])('finds no repository in %j', (url) => {
    expect(parseRemoteUrl(url)).toBeUndefined();
  });
});

describe('resolveRepository', () => {
  const origin = (url: string | undefined) => () => Promise.resolve(url);

  it('prefers --repo, then GITHUB_REPOSITORY, then origin', async () => {
    const env = { GITHUB_REPOSITORY: 'env/repo' };
    await expect(
      resolveRepository({ flag: 'flag/repo', env, cwd: '.', readOrigin: origin('git@github.com:git/repo.git') }),
    ).resolves.toEqual({ owner: 'flag', repo: 'repo' });
    await expect(
      resolveRepository({ env, cwd: '.', readOrigin: origin('git@github.com:git/repo.git') }),
    ).resolves.toEqual({ owner: 'env', repo: 'repo' });
    await expect(
      resolveRepository({ env: {}, cwd: '.', readOrigin: origin('git@github.com:git/repo.git') }),
    ).resolves.toEqual({ owner: 'git', repo: 'repo' });
  });

  it('says how to name the repository when nothing does', async () => {
    await expect(resolveRepository({ env: {}, cwd: '.', readOrigin: origin(undefined) })).rejects.toMatchObject({
      code: 'USAGE',
      fix: expect.stringContaining('--repo owner/name'),
    });
    await expect(resolveRepository({ flag: 'no-slash', env: {}, cwd: '.' })).rejects.toMatchObject({
      code: 'USAGE',
      message: '--repo takes owner/name, not "no-slash"',
    });
    expect(parseRepository('a/b/c')).toBeUndefined();
  });
});
