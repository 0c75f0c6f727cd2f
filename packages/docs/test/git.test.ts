import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitFailure, listIgnored, readHistory } from '../src/git.js';
import { git, writeGitRepo } from '../src/temp-repo.fixture.js';

describe('readHistory', () => {
  it('reads last changes, commit counts and renames, also when a rename is the first change of a commit', async () => {
    const root = await writeGitRepo(
      { 'a.md': '# A\n', 'docs/setup.md': '# Setup\n\nInstall it.\n' },
      '2026-01-01T00:00:00Z',
    );
    await mkdir(join(root, 'docs/guides'));
    git(root, ['mv', 'docs/setup.md', 'docs/guides/setup.md']);
    git(root, ['commit', '-qm', 'move'], '2026-02-01T00:00:00Z');
    git(root, ['mv', 'docs/guides/setup.md', 'docs/guides/install.md']);
    git(root, ['commit', '-qm', 'rename'], '2026-03-01T00:00:00Z');
    const history = await readHistory(root);
    expect(history?.renamedTo).toEqual(
      new Map([
        ['docs/guides/setup.md', 'docs/guides/install.md'],
        ['docs/setup.md', 'docs/guides/install.md'],
      ]),
    );
    expect(history?.lastChanged.get('a.md')).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    expect(history?.lastChanged.get('docs/guides/install.md')).toBe(Date.parse('2026-03-01T00:00:00Z') / 1000);
    expect(history?.commits.get('a.md')).toBe(1);
  });
});

describe('listIgnored', () => {
  it('never hands git a path outside the work tree, so one such path does not stop the answer for the others', async () => {
    const root = await writeGitRepo({ '.gitignore': 'out/\n', 'a.md': '# A\n' }, '2026-01-01T00:00:00Z');
    const many = Array.from({ length: 5000 }, (_, i) => `src/missing/some/deeper/folder/file${i}.ts`);
    expect(await listIgnored(root, ['../outside.ts', 'out/y.js', ...many])).toEqual(new Set(['out/y.js']));
    expect(await listIgnored(root, ['out/x.js', ...many])).toEqual(new Set(['out/x.js']));
    expect(await listIgnored(root, many)).toEqual(new Set());
  });

  it('is GitFailure when git cannot answer', async () => {
    const root = await writeGitRepo({ 'a.md': '# A\n' }, '2026-01-01T00:00:00Z');
    await expect(listIgnored(join(root, 'gone'), ['a.md'])).rejects.toBeInstanceOf(GitFailure);
  });
});
