import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partitionProjectFiles, walkProjectFiles } from './list-project-files.js';

const listed = [
  'index.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'README.md',
  '.eslintrc.js',
  'src/a.ts',
  'src/a.d.ts',
  'src/b.tsx',
  'src/.hidden.ts',
  'src/.cache/x.ts',
  'src/dist.ts',
  'src/node_modules.ts',
  'dist/out.js',
  'packages/x/dist/out.js',
  'packages/x/node_modules/y/index.js',
  'packages/x/package.json',
  'packages/x/src/c.mts',
  'test/fixtures/repo/a.ts',
  'test/fixtures/repo/package.json',
  'fixtures/top.ts',
  'src/__fixtures__/f.ts',
  'src/parser-fixtures/deep/g.ts',
  'src/testdata/h.ts',
  'src/fixtures.ts',
  'src/generated/gen.ts',
  'src/generated/tsconfig.json',
  'src/z.spec.ts',
];

describe('partitionProjectFiles', () => {
  it('keeps sources and manifests outside dot, build, dependency and fixture folders, and counts what it leaves out', () => {
    expect(partitionProjectFiles(listed, ['src/generated', '**/*.spec.ts'], true)).toEqual({
      sources: [
        'index.ts',
        'packages/x/src/c.mts',
        'src/a.ts',
        'src/b.tsx',
        'src/dist.ts',
        'src/fixtures.ts',
        'src/node_modules.ts',
      ],
      manifests: ['package.json', 'packages/x/package.json', 'tsconfig.build.json', 'tsconfig.json'],
      ignoredSources: 2,
      fixtureSources: 5,
      git: true,
    });
  });
});

describe('walkProjectFiles', () => {
  it('lists what partitionProjectFiles keeps of the whole tree, without entering dot, build or dependency folders', async () => {
    const root = await mkdtemp(join(tmpdir(), 'harness-walk-'));
    try {
      for (const file of listed) {
        await mkdir(dirname(join(root, file)), { recursive: true });
        await writeFile(join(root, file), '');
      }
      const walked = walkProjectFiles(root);
      expect(walked).not.toContain('README.md');
      expect(walked.filter((f) => /(^|\/)(\.[^/]*|node_modules|dist)\//.test(f))).toEqual([]);
      const expected = { ...partitionProjectFiles(listed, ['src/generated', '**/*.spec.ts'], false) };
      expect(partitionProjectFiles(walked, ['src/generated', '**/*.spec.ts'], false)).toEqual(expected);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
