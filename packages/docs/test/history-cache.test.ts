import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeadState, readHistory } from '../src/git.js';
import { historyAt, historyCacheFile } from '../src/history-cache.js';
import { git, writeGitRepo } from '../src/temp-repo.fixture.js';

describe('historyAt', () => {
  it("reads a commit's history once, then from the cache, and again for a new commit", async () => {
    const root = await writeGitRepo({ 'a.md': '# A\n', 'src/x.ts': 'x\n' }, '2026-01-01T00:00:00Z');
    git(root, ['mv', 'src/x.ts', 'src/y.ts']);
    git(root, ['commit', '-qm', 'move'], '2026-02-01T00:00:00Z');
    const first = await readHeadState(root);
    expect(first.shallow).toBe(false);
    const read = await historyAt(root, first.head as string);
    expect(read).toEqual(await readHistory(root));
    expect(read?.renamedTo.get('src/x.ts')).toBe('src/y.ts');
    // From the cache: a forged time shows that git was not asked again.
    const file = join(root, historyCacheFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace(String(Date.parse('2026-01-01T00:00:00Z') / 1000), '7'));
    expect((await historyAt(root, first.head as string))?.lastChanged.get('a.md')).toBe(7);
    // A new commit is read from git, whatever the cache holds.
    git(root, ['commit', '-q', '--allow-empty', '-m', 'later'], '2026-03-01T00:00:00Z');
    const second = await readHeadState(root);
    expect(second.head).not.toBe(first.head);
    expect(await historyAt(root, second.head as string)).toEqual(await readHistory(root));
  });

  it('reads git again when the cache cannot be read', async () => {
    const root = await writeGitRepo({ 'a.md': '# A\n' }, '2026-01-01T00:00:00Z');
    const { head } = await readHeadState(root);
    await historyAt(root, head as string);
    writeFileSync(join(root, historyCacheFile), '{"version":1,"head":"' + head + '","paths":[1]');
    expect(await historyAt(root, head as string)).toEqual(await readHistory(root));
    writeFileSync(join(root, historyCacheFile), JSON.stringify({ version: 1, head, paths: ['a.md'], times: ['x'] }));
    expect(await historyAt(root, head as string)).toEqual(await readHistory(root));
  });
});

describe('readHeadState', () => {
  it('has no head before the first commit', async () => {
    const root = await writeGitRepo({ 'a.md': '# A\n' }, '2026-01-01T00:00:00Z');
    git(root, ['checkout', '-q', '--orphan', 'empty']);
    expect(await readHeadState(root)).toEqual({ shallow: false, head: undefined });
  });
});
