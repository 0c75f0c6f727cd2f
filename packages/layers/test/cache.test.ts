// The per-file cache: unchanged files are neither lexed nor resolved again; a changed file is;
// new files and tsconfig/package.json edits re-resolve everything; bad caches are discarded.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig, LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, cacheFileName } from '../src/build-import-graph.js';
import { checkLayers } from '../src/check-layers.js';
import { cacheFormatVersion, journalPathOf } from '../src/import-cache.js';
import type { FixtureCopy } from './copy-fixture.js';
import { copyFixture } from './copy-fixture.js';
import { createTempRepo } from './temp-repo.js';

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

  it('keeps the targets of an edited file whose imports name the same specifiers, and resolves them again when not', async () => {
    fixture = await copyFixture('monorepo');
    const main = join(fixture.root, 'packages/cli/src/main.ts');
    const targets = async () =>
      (await build(fixture?.root ?? '')).files
        .find((f) => f.path === 'packages/cli/src/main.ts')
        ?.imports.map((i) => `${i.specifier} ${JSON.stringify(i.target)}`);
    const cold = await targets();
    const text = await readFile(main, 'utf8');
    await writeFile(main, `// an edit that leaves the imports as they were\n${text}export const more = 1;\n`);
    const edited = await build(fixture.root);
    expect(edited.stats).toEqual({ files: 7, lexedFromCache: 6, resolvedFromCache: 7, findingsFromCache: 0 });
    expect(await targets()).toEqual(cold);
    // The same specifiers in another order: resolved again, each target still its own specifier's.
    const lines = text.split('\n');
    await writeFile(main, [lines[2], lines[1], lines[0], ...lines.slice(3)].join('\n'));
    const reordered = await build(fixture.root);
    expect(reordered.stats).toMatchObject({ lexedFromCache: 6, resolvedFromCache: 6 });
    expect((await targets())?.sort()).toEqual(cold?.sort());
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

  it('a run that edits one file writes only that file, to the journal; the base stays byte for byte', async () => {
    fixture = await copyFixture('domains');
    const { root, config } = fixture;
    const cacheFile = join(root, cacheFileName);
    const first = await checkLayers({ root, config });
    const base = await readFile(cacheFile, 'utf8');
    // All ASCII (read as a one-byte string), though findings' messages hold `→`.
    expect(base).toContain('\\u2192');
    expect(/[^\x20-\x7e\n]/.test(base)).toBe(false);
    // One JSON document, one file per line.
    const lines = base.split('\n');
    expect(Object.keys((JSON.parse(base) as { files: object }).files)).toHaveLength(lines.length - 2);
    expect(existsSync(journalPathOf(cacheFile))).toBe(false);

    await writeFile(join(root, 'src/utils/money.ts'), 'export const cents = 100;\n');
    const edited = await checkLayers({ root, config });
    expect(edited.graph.stats.findingsFromCache).toBe(edited.graph.stats.files - 1);
    expect(await readFile(cacheFile, 'utf8')).toBe(base);
    expect(Object.keys(await journalFiles(cacheFile))).toEqual(['src/utils/money.ts']);
    // The next run reads the journal over the base: nothing is lexed or judged again.
    const warm = await checkLayers({ root, config });
    expect(warm.graph.stats).toMatchObject({
      lexedFromCache: warm.graph.stats.files,
      findingsFromCache: warm.graph.stats.files,
    });
    expect(warm.diagnostics).toEqual(edited.diagnostics);

    // A deleted file changes the set of files: every target is resolved again, and the base written again.
    await rm(join(root, 'src/utils/money.ts'));
    const deleted = await checkLayers({ root, config });
    expect(deleted.graph.files.map((f) => f.path)).not.toContain('src/utils/money.ts');
    expect(existsSync(journalPathOf(cacheFile))).toBe(false);
    expect(await readFile(cacheFile, 'utf8')).not.toContain('"src/utils/money.ts"');
    const after = await checkLayers({ root, config });
    expect(after.graph.stats).toMatchObject({
      files: first.graph.stats.files - 1,
      lexedFromCache: first.graph.stats.files - 1,
    });
    expect(after.diagnostics).toEqual(deleted.diagnostics);
  });

  it('writes the base again once the journal would pass its limit, keeping unchanged lines as they were read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`src/f${i}.ts`] = `import './f${(i + 1) % 80}.js';\n`;
    const repo = await createTempRepo(files, { git: false });
    const root = repo.root;
    fixture = { root, config: layersConfig, remove: () => repo.remove() };
    const cacheFile = join(root, cacheFileName);
    await checkLayers({ root, config: layersConfig });
    // A line spaced as the cache never writes it: kept as it is, it shows the line was not encoded again.
    const lines = (await readFile(cacheFile, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('"src/f79.ts":'));
    lines[at] = (lines[at] ?? '').replace(':[', ': [ ');
    await writeFile(cacheFile, lines.join('\n'));

    for (let i = 0; i < 10; i++) await writeFile(join(root, `src/f${i}.ts`), `import './f${(i + 2) % 80}.js';\n`);
    await checkLayers({ root, config: layersConfig });
    expect(Object.keys(await journalFiles(cacheFile))).toHaveLength(10);
    expect((await readFile(cacheFile, 'utf8')).split('\n')[at]).toBe(lines[at]);

    // 70 files edited in all: past the journal's limit (64 for a small repository), so the base is written again.
    for (let i = 10; i < 70; i++) await writeFile(join(root, `src/f${i}.ts`), `import './f${(i + 2) % 80}.js';\n`);
    const rewritten = await checkLayers({ root, config: layersConfig });
    expect(existsSync(journalPathOf(cacheFile))).toBe(false);
    const base = (await readFile(cacheFile, 'utf8')).split('\n');
    expect(base[at]).toBe(lines[at]);
    expect(base.find((l) => l.startsWith('"src/f1.ts":'))).toContain('f3.js');
    const warm = await checkLayers({ root, config: layersConfig });
    expect(warm.graph.stats).toMatchObject({ lexedFromCache: 80, resolvedFromCache: 80, findingsFromCache: 80 });
    expect(warm.diagnostics).toEqual(rewritten.diagnostics);
    // A cache laid out otherwise (reformatted by hand) is still read as JSON.
    await writeFile(cacheFile, JSON.stringify(JSON.parse(base.join('\n')), null, 2));
    expect((await checkLayers({ root, config: layersConfig })).graph.stats.findingsFromCache).toBe(80);
  });

  it('ignores a journal that does not parse or was written over another base', async () => {
    fixture = await copyFixture('domains');
    const { root, config } = fixture;
    const cacheFile = join(root, cacheFileName);
    await checkLayers({ root, config });
    await writeFile(join(root, 'src/utils/money.ts'), 'export const cents = 100;\n');
    const edited = await checkLayers({ root, config });
    const journal = await readFile(journalPathOf(cacheFile), 'utf8');
    for (const broken of [journal.slice(0, -10), journal.replace(/"base":"[^"]+"/, '"base":"another"')]) {
      await writeFile(journalPathOf(cacheFile), broken);
      const run = await checkLayers({ root, config });
      // The base's entry no longer matches the file: it is read and judged again, and the result is the same.
      expect(run.graph.stats.findingsFromCache).toBe(run.graph.stats.files - 1);
      expect(run.diagnostics).toEqual(edited.diagnostics);
    }
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

const layersConfig: LayersConfig = sectionDefaults('layers');

async function journalFiles(cacheFile: string): Promise<Record<string, unknown>> {
  return (JSON.parse(await readFile(journalPathOf(cacheFile), 'utf8')) as { files: Record<string, unknown> }).files;
}
