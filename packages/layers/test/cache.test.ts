// The per-file cache: unchanged files are neither lexed nor resolved again; a changed file is;
// new files and tsconfig/package.json edits re-resolve everything; bad caches are discarded.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig } from 'agent-harness-config';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, cacheFileName } from '../src/build-import-graph.js';
import { checkLayers } from '../src/check-layers.js';
import { cacheFormatVersion } from '../src/import-cache.js';
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
    expect(cold.stats).toEqual({ files: 7, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 });
    expect((await build(fixture.root)).stats).toEqual({
      files: 7,
      lexedFromCache: 7,
      resolvedFromCache: 7,
      findingsFromCache: 0,
    });
    await writeFile(
      join(fixture.root, 'packages/cli/src/lib/index.ts'),
      "import '../main.js';\nexport const lib = 'lib';\n",
    );
    const warm = await build(fixture.root);
    expect(warm.stats).toEqual({ files: 7, lexedFromCache: 6, resolvedFromCache: 6, findingsFromCache: 0 });
    expect(warm.files.find((f) => f.path === 'packages/cli/src/lib/index.ts')?.imports[0]?.target).toEqual({
      kind: 'file',
      path: 'packages/cli/src/main.ts',
    });
  });

  it('notices a new file that changes where an import resolves', async () => {
    fixture = await copyFixture('monorepo');
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({
      kind: 'file',
      path: 'packages/cli/src/lib/index.ts',
    });
    await writeFile(join(fixture.root, 'packages/cli/src/lib.ts'), 'export const lib = 1;\n');
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({
      kind: 'file',
      path: 'packages/cli/src/lib.ts',
    });
    await rm(join(fixture.root, 'packages/cli/src/lib.ts'));
    expect(await targetOf(fixture.root, 'packages/cli/src/main.ts', './lib')).toEqual({
      kind: 'file',
      path: 'packages/cli/src/lib/index.ts',
    });
  });

  it('notices tsconfig and package.json edits', async () => {
    fixture = await copyFixture('monorepo');
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '~/lib/pad')).toEqual({
      kind: 'file',
      path: 'packages/app/src/lib/pad.ts',
    });
    const paths = join(fixture.root, 'packages/app/tsconfig.paths.json');
    await writeFile(paths, (await readFile(paths, 'utf8')).replace('"src/*"', '"src/lib/*"'));
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '~/lib/pad')).toEqual({
      kind: 'unresolved',
      reason: 'alias',
      candidate: 'packages/app/src/lib/lib/pad',
    });
    const manifest = join(fixture.root, 'packages/app/package.json');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace('"#lib/*": "./src/lib/*"', '"#lib/*": "./src/*"'),
    );
    expect(await targetOf(fixture.root, 'packages/app/src/index.ts', '#lib/trim.js')).toEqual({
      kind: 'unresolved',
      reason: 'other',
    });
  });

  it('discards a corrupt cache and one from another version', async () => {
    fixture = await copyFixture('monorepo');
    const cacheFile = join(fixture.root, cacheFileName);
    await build(fixture.root);
    await writeFile(cacheFile, '{"format":"harness-layers-cache", "files": {"x": ');
    expect((await build(fixture.root)).stats).toEqual({
      files: 7,
      lexedFromCache: 0,
      resolvedFromCache: 0,
      findingsFromCache: 0,
      cacheDiscarded: 'it is not valid JSON',
    });
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { tool: string };
    await writeFile(cacheFile, JSON.stringify({ ...cache, tool: 'agent-harness-layers@0.0.1' }));
    expect((await build(fixture.root)).stats.cacheDiscarded).toBe(
      `it was written by another version (agent-harness-layers@0.0.1, format ${cacheFormatVersion})`,
    );
    const good = JSON.parse(await readFile(cacheFile, 'utf8')) as { files: Record<string, unknown[]> };
    for (const entry of Object.values(good.files)) entry[3] = 42;
    await writeFile(cacheFile, JSON.stringify(good));
    expect((await build(fixture.root)).stats.cacheDiscarded).toBe('it is not a harness layers cache');
  });
});

describe('cached findings', () => {
  it('are reused for unchanged files and recomputed when the file, its targets or the config change', async () => {
    fixture = await copyFixture('domains');
    const { root, config } = fixture;
    const first = await checkLayers({ root, config });
    expect(first.graph.stats.findingsFromCache).toBe(0);
    const second = await checkLayers({ root, config });
    expect(second.graph.stats.findingsFromCache).toBe(16);
    expect(second.diagnostics).toEqual(first.diagnostics);

    const forbid = await checkLayers({ root, config: { ...config, crossDomain: 'forbid' } });
    expect(forbid.graph.stats.findingsFromCache).toBe(0);
    expect(forbid.diagnostics.length).toBeGreaterThan(first.diagnostics.length);

    await writeFile(join(root, 'src/domains/billing/service/charge.ts'), 'export const charge = 1;\n');
    const edited = await checkLayers({ root, config });
    expect(edited.graph.stats.findingsFromCache).toBe(0); // the config changed back, so nothing is reused
    const again = await checkLayers({ root, config });
    expect(again.graph.stats.findingsFromCache).toBe(16);
    expect(again.diagnostics.filter((d) => d.file.endsWith('charge.ts'))).toEqual([]);

    await writeFile(
      join(root, 'src/domains/billing/types/invoice.ts'),
      "import '../ui/pay-button.js';\nexport interface Invoice { id: string; cents: number }\n",
    );
    const oneEdit = await checkLayers({ root, config });
    expect(oneEdit.graph.stats.findingsFromCache).toBe(15);
    expect(oneEdit.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line ?? 0}`)).toContain(
      'layers/forward-only src/domains/billing/types/invoice.ts:1',
    );
  });

  it('keep the graph (lexed and resolved) across contract edits; only the findings are judged again', async () => {
    fixture = await copyFixture('domains');
    const { root, config } = fixture;
    const first = await checkLayers({ root, config });
    const files = first.graph.stats.files;
    const contract: ContractConfig = {
      name: 'no-providers',
      type: 'forbidden',
      from: ['src/domains/**'],
      to: ['src/providers/**'],
      except: [],
      allowTypeOnly: false,
    };
    const withContract = await checkLayers({ root, config: { ...config, contracts: [contract] } });
    expect(withContract.graph.stats).toMatchObject({ lexedFromCache: files, resolvedFromCache: files });
    expect(withContract.graph.stats.findingsFromCache).toBe(0);
    expect(withContract.diagnostics.filter((d) => d.rule === 'layers/contract').length).toBeGreaterThan(0);
    const edited = await checkLayers({
      root,
      config: { ...config, contracts: [{ ...contract, to: ['src/utils/**'] }] },
    });
    expect(edited.graph.stats).toMatchObject({ lexedFromCache: files, resolvedFromCache: files });
    // A file edit still invalidates that file, and a tsconfig edit every file's targets.
    await writeFile(join(root, 'src/utils/money.ts'), 'export const cents = 100;\n');
    expect((await checkLayers({ root, config })).graph.stats).toMatchObject({ lexedFromCache: files - 1 });
    await writeFile(join(root, 'tsconfig.json'), (await readFile(join(root, 'tsconfig.json'), 'utf8')).concat('\n'));
    expect((await checkLayers({ root, config })).graph.stats).toMatchObject({
      lexedFromCache: files,
      resolvedFromCache: 0,
    });
  });

  it('are written back line by line: a run that edits one file re-encodes only that file', async () => {
    fixture = await copyFixture('domains');
    const { root, config } = fixture;
    const cacheFile = join(root, cacheFileName);
    await checkLayers({ root, config });
    const text = await readFile(cacheFile, 'utf8');
    // All ASCII (read as a one-byte string), though findings' messages hold `→`.
    expect(text).toContain('\\u2192');
    expect(/[^\x20-\x7e\n]/.test(text)).toBe(false);
    const lines = text.split('\n');
    // Still one JSON document, one file per line.
    expect(Object.keys((JSON.parse(lines.join('\n')) as { files: object }).files)).toHaveLength(lines.length - 2);
    // A line spaced as JSON.stringify never writes it: kept as it is, it shows the line was not encoded again.
    const at = lines.findIndex((l) => l.startsWith('"src/domains/orders/index.ts":'));
    lines[at] = (lines[at] ?? '').replace(':[', ': [ ');
    await writeFile(cacheFile, lines.join('\n'));
    await writeFile(join(root, 'src/utils/money.ts'), 'export const cents = 100;\n');
    const edited = await checkLayers({ root, config });
    expect(edited.graph.stats.findingsFromCache).toBe(edited.graph.stats.files - 1);
    const after = (await readFile(cacheFile, 'utf8')).split('\n');
    expect(after[at]).toBe(lines[at]);
    expect(after.find((l) => l.startsWith('"src/utils/money.ts":'))).not.toBe(
      lines.find((l) => l.startsWith('"src/utils/money.ts":')),
    );
    // A cache laid out otherwise (reformatted by hand) is still read as JSON.
    await writeFile(cacheFile, JSON.stringify(JSON.parse(after.join('\n')), null, 2));
    expect((await checkLayers({ root, config })).graph.stats.findingsFromCache).toBe(edited.graph.stats.files);
  });

  it('never fails the check when the cache cannot be written', async () => {
    fixture = await copyFixture('monorepo');
    await mkdir(join(fixture.root, '.harness'), { recursive: true });
    await writeFile(join(fixture.root, '.harness/cache'), 'a file where the cache folder should be');
    const result = await checkLayers({ root: fixture.root, config: fixture.config });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['layers/forward-only']);
    expect(result.notes.join('\n')).toMatch(
      /layers: could not write \.harness\/cache\/layers\.json \(.*\); the next run starts cold\./,
    );
  });
});
