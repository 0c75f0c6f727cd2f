import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitSnapshot, memorySnapshot, workTreeSnapshot } from '../src/snapshots.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'guard-snap-'));
  dirs.push(root);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 't@example.com');
  git(root, 'config', 'user.name', 't');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'harness.config.yaml'), 'version: 1\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  return root;
}

describe('snapshots', () => {
  it('reads a commit as it was, while the working tree moves on', async () => {
    const root = repo();
    const base = git(root, 'rev-parse', 'HEAD');
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
    const root = repo();
    const base = git(root, 'rev-parse', 'HEAD');
    const before = commitSnapshot(root, base, 'main');
    expect(await before.readFile('missing.yaml')).toBeUndefined();
    expect(await before.readFile('src')).toBeUndefined();
    expect(await workTreeSnapshot(root).readFile('missing.yaml')).toBeUndefined();
    expect(await workTreeSnapshot(root).readFile('src')).toBeUndefined();
  });

  it('reads many files asked for at once, each with its own text', async () => {
    const root = repo();
    const names = Array.from({ length: 60 }, (_, i) => `src/file ${i} é.ts`);
    for (const [i, name] of names.entries()) writeFileSync(join(root, name), `export const v${i} = 'ü${i}';\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'many');
    const side = commitSnapshot(root, git(root, 'rev-parse', 'HEAD'), 'main');
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
