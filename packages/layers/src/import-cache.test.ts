import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheDocument, CachedFile } from './import-cache.js';
import { journalPathOf, loadImportCache, saveImportCache } from './import-cache.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const file = (specifier: string): CachedFile => ({
  hash: 'h',
  size: 1,
  mtimeMs: 2.5,
  imports: [{ specifier, kind: 'import', typeOnly: false, line: 1, column: 1 }],
  suppressions: [],
  targets: [{ kind: 'file', path: specifier.slice(2) }],
  findings: [],
});

describe('the layers cache file', () => {
  it('round-trips paths JSON escapes and characters past ASCII, in an all-ASCII file written back line for line', async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-layers-cache-'));
    const path = join(dir, 'layers.json');
    const names = ['src/a.ts', 'src/"quoted".ts', 'src/back\\slash.ts', 'src/é → ü.ts', 'src/tab\there.ts'];
    const document: CacheDocument = {
      tool: 't',
      resolutionKey: 'r',
      files: Object.fromEntries(names.map((n) => [n, file(`./${n}`)])),
    };
    await saveImportCache(path, document);
    const text = await readFile(path, 'utf8');
    expect(/[^\x20-\x7e\n]/.test(text)).toBe(false);
    const loaded = await loadImportCache(path, 't');
    expect(Object.keys(loaded.document?.files ?? {})).toEqual(names);
    expect(loaded.document?.files['src/é → ü.ts']?.targets).toEqual([{ kind: 'file', path: 'src/é → ü.ts' }]);
    // Rewritten by hand with the characters as UTF-8 (no \\u escapes), it still reads the same.
    await writeFile(path, JSON.stringify(JSON.parse(text), null, 1));
    expect(/é/.test(await readFile(path, 'utf8'))).toBe(true);
    const utf8 = await loadImportCache(path, 't');
    expect(utf8.document?.files['src/é → ü.ts']?.targets).toEqual([{ kind: 'file', path: 'src/é → ü.ts' }]);
    await writeFile(path, text);
    // Written back unchanged, every line is the line it was read from.
    if (loaded.document === undefined) throw new Error('the cache was not read back');
    await saveImportCache(path, loaded.document);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('journals a changed and a deleted file over the base, and reads them back over it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-layers-cache-'));
    const path = join(dir, 'layers.json');
    const document: CacheDocument = {
      tool: 't',
      resolutionKey: 'r',
      files: { 'src/a.ts': file('./b'), 'src/b.ts': file('./a'), 'src/c.ts': file('./a') },
    };
    await saveImportCache(path, document);
    const base = await readFile(path, 'utf8');
    const loaded = (await loadImportCache(path, 't')).document;
    if (loaded === undefined) throw new Error('the cache was not read back');
    const files: Record<string, CachedFile> = { ...loaded.files, 'src/b.ts': file('./d') };
    delete files['src/c.ts'];
    await saveImportCache(path, { ...loaded, files });
    expect(await readFile(path, 'utf8')).toBe(base);
    const journal = JSON.parse(await readFile(journalPathOf(path), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(journal.files)).toEqual(['src/b.ts', 'src/c.ts']);
    expect(journal.files['src/c.ts']).toBeNull();
    const again = (await loadImportCache(path, 't')).document;
    expect(Object.keys(again?.files ?? {}).sort()).toEqual(['src/a.ts', 'src/b.ts']);
    expect(again?.files['src/b.ts']?.targets).toEqual([{ kind: 'file', path: 'd' }]);
    // Another resolution key: the base is written again and the journal removed.
    await saveImportCache(path, { ...(again as CacheDocument), resolutionKey: 'r2' });
    await expect(readFile(journalPathOf(path), 'utf8')).rejects.toThrow();
    expect(Object.keys((await loadImportCache(path, 't')).document?.files ?? {}).sort()).toEqual([
      'src/a.ts',
      'src/b.ts',
    ]);
  });
});
