import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResolver } from './create-import-resolver.js';
import { LazyResolver } from './lazy-resolver.js';
import type { GraphFile, GraphListing, GraphStats } from './layers-types.js';
import type { ScanInput } from './scan-files.js';
import { scanFiles } from './scan-files.js';

let root: string | undefined;
afterEach(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

async function repository(files: Record<string, string>): Promise<string> {
  root = await realpath(await mkdtemp(join(tmpdir(), 'harness-scan-')));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

function input(at: string, sources: string[], resolver: LazyResolver, early: ScanInput['early']): ScanInput {
  const stats: GraphStats = { files: sources.length, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 };
  const listing: GraphListing = { git: false, ignoredSources: 0, fixtureSources: 0, outside: [] };
  return { root: at, sources, previous: undefined, stats, listing, resolver, early };
}

/** A LazyResolver whose load is given: the real one loads oxc-resolver. */
function resolverLoading(load: () => Promise<ImportResolver>): LazyResolver {
  const resolver = new LazyResolver(
    '/',
    [],
    { files: 0, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
    new Set(),
  );
  resolver.load = () => load().then((loaded) => (resolver.loaded = loaded));
  return resolver;
}

describe('scanFiles, resolving files as they are read', () => {
  it('resolves every lexed file once, tells of each as it is resolved, and lists the regular files it saw', async () => {
    const at = await repository({
      'src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/b.ts': "import type { C } from './c.js';\nexport const b = 1;\n",
      'src/c.ts': 'export type C = 1;\n',
    });
    await symlink(join(at, 'src/c.ts'), join(at, 'src/link.ts'));
    const sources = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/link.ts', 'src/deleted.ts'];
    const resolver = new LazyResolver(
      at,
      [],
      { files: 5, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 },
      new Set(),
    );
    const heard: GraphFile[] = [];
    const scanned = await scanFiles(input(at, sources, resolver, { onResolved: (file) => heard.push(file) }));
    expect(scanned.lexed).toBe(4);
    expect(heard.map((file) => file.path).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/link.ts']);
    // The graph gets the very files it was told of, with their targets.
    for (const file of heard)
      expect(scanned.entries.find((entry) => entry.path === file.path)?.resolved?.file).toBe(file);
    const a = heard.find((file) => file.path === 'src/a.ts');
    expect(a?.imports.map((edge) => edge.target)).toEqual([{ kind: 'file', path: 'src/b.ts' }]);
    // A symbolic link is not a file the resolver may take without asking; a deleted file is no file.
    expect([...resolver.knownFiles].sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('without early resolution, reads only and leaves the targets to the caller', async () => {
    const at = await repository({ 'src/a.ts': "import './b.js';\n", 'src/b.ts': '' });
    const resolver = resolverLoading(() => Promise.reject(new Error('not to be loaded')));
    const scanned = await scanFiles(input(at, ['src/a.ts', 'src/b.ts'], resolver, undefined));
    expect(scanned.lexed).toBe(2);
    expect(scanned.entries.every((entry) => entry.resolved === undefined)).toBe(true);
  });

  it('fails with the error of a resolver that cannot load, after the scan, as a rejection', async () => {
    const at = await repository({ 'src/a.ts': "import './b.js';\n", 'src/b.ts': '' });
    const resolver = resolverLoading(() => Promise.reject(new Error('no native binding')));
    await expect(scanFiles(input(at, ['src/a.ts', 'src/b.ts'], resolver, { onResolved: undefined }))).rejects.toThrow(
      'no native binding',
    );
  });

  it('fails with the error a listener throws, and tells of no file after it', async () => {
    const at = await repository({ 'src/a.ts': "import './b.js';\n", 'src/b.ts': '', 'src/c.ts': '' });
    const resolver = resolverLoading(() => Promise.resolve({ resolve: () => ({ kind: 'unresolved' }) }));
    const heard: string[] = [];
    const onResolved = (file: GraphFile): void => {
      heard.push(file.path);
      throw new Error(`cannot judge ${file.path}`);
    };
    await expect(scanFiles(input(at, ['src/a.ts', 'src/b.ts', 'src/c.ts'], resolver, { onResolved }))).rejects.toThrow(
      /^cannot judge src\/a\.ts$/,
    );
    expect(heard).toEqual(['src/a.ts']);
  });
});
