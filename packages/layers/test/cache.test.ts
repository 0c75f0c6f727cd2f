// The per-file cache: unchanged files are neither lexed nor resolved again; a changed file is;
// new files and tsconfig/package.json edits re-resolve everything; bad caches are discarded.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, cacheFileName } from '../src/build-import-graph.js';
import type { FixtureCopy } from './copy-fixture.js';
import { copyFixture } from './copy-fixture.js';

let fixture: FixtureCopy | undefined;
afterEach(() => fixture?.remove());

const build = (root: string) => buildImportGraph({ root, ignore: [], cacheFile: join(root, cacheFileName) });
const targetOf = async (root: string, file: string, specifier: string) => {
  const graph = await build(root);
  return graph.files.find((f) => f.path === file)?.imports.find((i) => i.specifier === specifier)?.target;
};

describe('layers cache', () => {
  it('serves unchanged files and re-reads only an edited one', async () => {
    fixture = await copyFixture('monorepo');
    const cold = await build(fixture.root);
    expect(cold.stats).toEqual({ files: 7, lexedFromCache: 0, resolvedFromCache: 0 });
    expect((await build(fixture.root)).stats).toEqual({ files: 7, lexedFromCache: 7, resolvedFromCache: 7 });
    await writeFile(join(fixture.root, 'packages/cli/src/lib/index.ts'), "import '../main.js';\nexport const lib = 'lib';\n");
    const warm = await build(fixture.root);
    expect(warm.stats).toEqual({ files: 7, lexedFromCache: 6, resolvedFromCache: 6 });
    expect(warm.files.find((f) => f.path === 'packages/cli/src/lib/index.ts')?.imports[0]?.target).toEqual({ kind: 'file', path: 'packages/cli/src/main.ts' });
  });

  it('notices a new file that changes where an import resolves', async () => {
    fixture = await copyFixture('monorepo');
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({ kind: 'file', path: 'packages/cli/src/lib/index.ts' });
    await writeFile(join(fixture.root, 'packages/cli/src/lib.ts'), 'export const lib = 1;\n');
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({ kind: 'file', path: 'packages/cli/src/lib.ts' });
    await rm(join(fixture.root, 'packages/cli/src/lib.ts'));
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({ kind: 'file', path: 'packages/cli/src/lib/index.ts' });
  });

  it('notices tsconfig and package.json edits', async () => {
    fixture = await copyFixture('monorepo');
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '~/lib/pad')).toEqual({ kind: 'file', path: 'packages/app/src/lib/pad.ts' });
    const paths = join(fixture.root, 'packages/app/tsconfig.paths.json');
    await writeFile(paths, (await readFile(paths, 'utf8')).replace('"src/*"', '"src/lib/*"'));
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '~/lib/pad')).toEqual({ kind: 'unresolved' });
    const manifest = join(fixture.root, 'packages/app/package.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"#lib/*": "./src/lib/*"', '"#lib/*": "./src/*"'));
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '#lib/trim.js')).toEqual({ kind: 'unresolved' });
  });

  it('discards a corrupt cache and one from another version', async () => {
    fixture = await copyFixture('monorepo');
    const cacheFile = join(fixture.root, cacheFileName);
    await build(fixture.root);
    await writeFile(cacheFile, '{"format":"harness-layers-cache", "files": {"x": ');
    expect((await build(fixture.root)).stats).toEqual({ files: 7, lexedFromCache: 0, resolvedFromCache: 0, cacheDiscarded: 'it is not valid JSON' });
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { tool: string };
    await writeFile(cacheFile, JSON.stringify({ ...cache, tool: '@harness/layers@0.0.1' }));
    expect((await build(fixture.root)).stats.cacheDiscarded).toBe('it was written by another version (@harness/layers@0.0.1, format 2)');
    const good = JSON.parse(await readFile(cacheFile, 'utf8')) as { files: Record<string, unknown[]> };
    for (const entry of Object.values(good.files)) entry[3] = 'nope';
    await writeFile(cacheFile, JSON.stringify(good));
    expect((await build(fixture.root)).stats.cacheDiscarded).toBe('it is not a harness layers cache');
  });
});
