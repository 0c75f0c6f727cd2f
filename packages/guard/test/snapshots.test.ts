import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitSnapshot, memorySnapshot, workTreeSnapshot } from '../src/snapshots.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createGuardRepo } from './guard-repo.fixture.js';

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function repo(): GuardRepo {
  const made = createGuardRepo({ 'src/a.ts': 'export const a = 1;\n', 'harness.config.yaml': 'version: 1\n' });
  repos.push(made);
  return made;
}

describe('snapshots', () => {
  it('reads a commit as it was, while the working tree moves on', async () => {
    const { root, git } = repo();
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(root, 'harness.config.yaml'), 'version: 1\nlayers: {}\n');
    writeFileSync(join(root, 'src/b.ts'), 'export const b = 2;\n');
    const before = commitSnapshot(root, base, 'main');
    const after = workTreeSnapshot(root);
    expect(await before.readFile('harness.config.yaml')).toBe('version: 1\n');
    expect(await after.readFile('harness.config.yaml')).toBe('version: 1\nlayers: {}\n');
    expect(await before.listFiles()).toEqual(['harness.config.yaml', 'src/a.ts']);
    expect([...(await after.listFiles())].sort()).toEqual(['harness.config.yaml', 'src/a.ts', 'src/b.ts']);
  });

  it('answers undefined for a file absent on a side, and for a folder', async () => {
    const { root, git } = repo();
    const base = git('rev-parse', 'HEAD');
    const before = commitSnapshot(root, base, 'main');
    expect(await before.readFile('missing.yaml')).toBeUndefined();
    expect(await before.readFile('src')).toBeUndefined();
    expect(await workTreeSnapshot(root).readFile('missing.yaml')).toBeUndefined();
    expect(await workTreeSnapshot(root).readFile('src')).toBeUndefined();
  });

  it('reads many files asked for at once, each with its own text', async () => {
    const { root, git } = repo();
    const names = Array.from({ length: 60 }, (_, i) => `src/file ${i} é.ts`);
    for (const [i, name] of names.entries()) writeFileSync(join(root, name), `export const v${i} = 'ü${i}';\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'many');
    const side = commitSnapshot(root, git('rev-parse', 'HEAD'), 'main');
    const texts = await Promise.all([...names, 'missing.ts', 'src'].map((name) => side.readFile(name)));
    expect(texts.slice(0, 60)).toEqual(names.map((_, i) => `export const v${i} = 'ü${i}';\n`));
    expect(texts.slice(60)).toEqual([undefined, undefined]);
  });

  it('holds a side in memory', async () => {
    const side = memorySnapshot({ 'b.txt': 'b', 'a.txt': 'a' });
    expect(await side.listFiles()).toEqual(['a.txt', 'b.txt']);
    expect(await side.readFile('a.txt')).toBe('a');
    expect(await side.readFile('toString')).toBeUndefined();
  });
});
