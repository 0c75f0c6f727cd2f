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
