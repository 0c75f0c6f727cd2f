import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportResolver } from './create-import-resolver.js';

let root: string | undefined;
afterEach(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('createImportResolver', () => {
  it('resolves a relative specifier by the path it names, whichever folder it is written in', async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'harness-resolver-')));
    for (const file of ['src/b/x.ts', 'src/a/b/x.ts', 'src/a/f.ts', 'src/c/g.ts', 'src/a/deep/h.ts']) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), 'export {};\n');
    }
    const resolver = createImportResolver({ root, packageJsonFiles: [], redirects: [], conditions: [] });
    expect(resolver.resolve('src/a/f.ts', '../b/x.js')).toEqual({ kind: 'file', path: 'src/b/x.ts' });
    expect(resolver.resolve('src/c/g.ts', '../b/x.js')).toEqual({ kind: 'file', path: 'src/b/x.ts' });
    // The same specifier from another folder names another file.
    expect(resolver.resolve('src/a/deep/h.ts', '../b/x.js')).toEqual({ kind: 'file', path: 'src/a/b/x.ts' });
    expect(resolver.resolve('src/c/g.ts', './b/x.js')).toMatchObject({ kind: 'unresolved', reason: 'relative' });
  });
});

describe('createImportResolver with the listed files (knownFiles)', () => {
  it('gives what the file system lookup gives, for every kind of relative specifier', async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'harness-resolver-')));
    const files = [
      'src/both.ts',
      'src/both.js',
      'src/both.tsx',
      'src/only-js.js',
      'src/view.tsx',
      'src/view.jsx',
      'src/esm.mts',
      'src/common.cts',
      'src/types.d.ts',
      'src/dir/index.ts',
      'src/plain.ts',
      'src/plain',
      'src/a/f.ts',
    ];
    for (const file of files) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), 'export {};\n');
    }
    const specifiers = [
      '../both.js',
      '../both.ts',
      '../only-js.js',
      '../view.jsx',
      '../view.js',
      '../esm.mjs',
      '../common.cjs',
      '../types.d.ts',
      '../types.js',
      '../dir',
      '../dir/index.js',
      '../plain',
      '../plain.js',
      '../missing.js',
      './f.js',
      '.',
    ];
    // Every listed file except the one named like a folder, as the graph lists sources.
    const knownFiles = new Set(files.filter((f) => /\.[cm]?[jt]sx?$/.test(f)));
    const options = { root, packageJsonFiles: [], redirects: [], conditions: [] };
    const listed = createImportResolver({ ...options, knownFiles });
    const asked = createImportResolver(options);
    for (const specifier of specifiers)
      expect(listed.resolve('src/a/f.ts', specifier), specifier).toEqual(asked.resolve('src/a/f.ts', specifier));
    expect(listed.resolve('src/a/f.ts', '../both.js')).toEqual({ kind: 'file', path: 'src/both.ts' });
    expect(listed.resolve('src/a/f.ts', '../esm.mjs')).toEqual({ kind: 'file', path: 'src/esm.mts' });
  });
});
