import { describe, expect, it } from 'vitest';
import { compareGitignore } from './compare-gitignore.js';
import { memoryInput } from './memory-input.fixture.js';

const tree = {
  '.gitignore': 'node_modules/\ndist/*\n!dist/keep.md\n',
  'src/a.ts': '',
  'src/legacy/b.ts': '',
  'src/legacy/c.ts': '',
  'src/legacy/d.ts': '',
  'src/legacy/e.ts': '',
  'docs/guide.md': '',
  'dist/keep.md': '',
  'assets/logo.png': '',
  '.harness/baseline/layers.json': '[]',
  'packages/p/.gitignore': 'out/\n',
  'packages/p/src/x.ts': '',
};

async function compare(head: Record<string, string>): Promise<string[]> {
  return (await compareGitignore(memoryInput(tree, { ...tree, ...head }))).map((l) => `${l.file}:${l.line} ${l.what}`);
}

describe('compareGitignore', () => {
  it('reports an added pattern that hides source files, at its line', async () => {
    expect(await compare({ '.gitignore': 'node_modules/\nsrc/legacy/\ndist/*\n!dist/keep.md\n' })).toEqual([
      '.gitignore:2 "src/legacy/" hides 4 files the base holds (src/legacy/b.ts, src/legacy/c.ts, src/legacy/d.ts and 1 more) that the checks read',
    ]);
  });

  it('reports docs and baselines hidden, and an exception dropped', async () => {
    const head = 'node_modules/\ndist/*\n!dist/keep.md\n*.md\n.harness/\n';
    expect(await compare({ '.gitignore': head })).toEqual([
      '.gitignore:4 "*.md" hides 2 files the base holds (dist/keep.md, docs/guide.md) that the checks read',
      '.gitignore:5 ".harness/" hides a file the base holds (.harness/baseline/layers.json) that the checks read',
    ]);
    expect(await compare({ '.gitignore': 'node_modules/\ndist/*\n' })).toEqual([
      '.gitignore:2 "dist/*" hides a file the base holds (dist/keep.md) that the checks read',
    ]);
  });

  it('reads a nested .gitignore relative to its folder', async () => {
    expect(await compare({ 'packages/p/.gitignore': 'out/\nsrc\n' })).toEqual([
      'packages/p/.gitignore:2 "src" hides a file the base holds (packages/p/src/x.ts) that the checks read',
    ]);
  });

  it('reports a new .gitignore', async () => {
    expect(await compare({ 'src/legacy/.gitignore': '*\n' })).toEqual([
      'src/legacy/.gitignore:1 "*" hides 4 files the base holds (src/legacy/b.ts, src/legacy/c.ts, src/legacy/d.ts and 1 more) that the checks read',
    ]);
  });

  it('gives nothing for patterns that hide no watched file, reordering, or a deleted .gitignore', async () => {
    expect(await compare({ '.gitignore': 'dist/*\n!dist/keep.md\nnode_modules/\n*.png\ncoverage/\n# src/\n' })).toEqual(
      [],
    );
    expect(await compare({ 'src/a.ts': 'changed' })).toEqual([]);
    expect(await compareGitignore(memoryInput(tree, { ...tree, 'packages/p/.gitignore': '' }))).toEqual([]);
  });
});
