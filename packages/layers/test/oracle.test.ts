// The correctness oracle: harness and dependency-cruiser must resolve the same import edges on the
// fixture repos and on a generated layered repo.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLayeredRepo } from '../../../bench/layers/generate-repo.js';
import { buildImportGraph } from '../src/build-import-graph.js';
import type { FixtureCopy } from './copy-fixture.js';
import { copyFixture } from './copy-fixture.js';
import { cruiserEdges } from './dependency-cruiser-edges.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function harnessEdges(root: string, ignore: readonly string[] = []): Promise<Set<string>> {
  const graph = await buildImportGraph({ root, ignore });
  return new Set(
    graph.files.flatMap((f) =>
      f.imports.flatMap((i) => (i.target.kind === 'file' ? [`${f.path} → ${i.target.path}`] : [])),
    ),
  );
}

async function fixture(name: string): Promise<FixtureCopy> {
  const copy = await copyFixture(name);
  cleanups.push(() => copy.remove());
  return copy;
}

describe('resolved edges: harness = dependency-cruiser', () => {
  it('on the domains fixture (tsconfig paths, #imports, .js → .ts(x), require, import =, import())', async () => {
    const copy = await fixture('domains');
    const expected = await cruiserEdges(copy.root, [{ dir: 'src', tsconfig: 'tsconfig.json' }]);
    expect([...expected]).toEqual(
      expect.arrayContaining([
        'src/domains/orders/runtime/worker.cjs → src/domains/orders/service/place-order.ts',
        'src/domains/orders/repo/legacy.ts → src/domains/billing/repo/invoices.ts',
        'src/domains/orders/service/place-order.ts → src/domains/billing/repo/invoices.ts',
        'src/domains/orders/ui/lazy.ts → src/domains/billing/repo/invoices.ts',
        'src/domains/billing/service/charge.ts → src/domains/billing/ui/pay-button.tsx',
        'src/providers/telemetry.ts → src/platform/flags.ts',
      ]),
    );
    expect([...(await harnessEdges(copy.root, copy.config.ignore))].sort()).toEqual([...expected].sort());
  });

  it('on the monorepo fixture (installed workspace packages, exports conditions, per-package tsconfigs with extends)', async () => {
    const copy = await fixture('monorepo');
    await mkdir(join(copy.root, 'node_modules/@mono'), { recursive: true });
    for (const name of ['core', 'app', 'cli'])
      await symlink(join(copy.root, 'packages', name), join(copy.root, 'node_modules/@mono', name), 'dir');
    const scopes = ['core', 'app', 'cli'].map((name) => ({
      dir: `packages/${name}/src`,
      tsconfig: `packages/${name}/tsconfig.json`,
    }));
    const expected = await cruiserEdges(copy.root, scopes, ['source']);
    expect([...expected]).toContain('packages/app/src/index.ts → packages/core/src/feature.ts');
    // One edge more than dependency-cruiser: @mono/core's exports name an unbuilt dist/, which
    // harness follows back to src/ through the package's tsconfig (outDir → rootDir).
    const unbuilt = 'packages/app/src/index.ts → packages/core/src/index.ts';
    expect([...expected]).not.toContain(unbuilt);
    expect([...(await harnessEdges(copy.root))].sort()).toEqual([...expected, unbuilt].sort());
  });

  it('on a generated layered repo', async () => {
    const root = await mkdtemp(join(tmpdir(), 'harness-layers-generated-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const generated = await generateLayeredRepo(root, { domains: 6, filesPerLayer: 6, fillerFunctions: 2 });
    expect(generated.files).toBeGreaterThan(200);
    const expected = await cruiserEdges(root, [{ dir: 'src', tsconfig: 'tsconfig.json' }]);
    expect(expected.size).toBeGreaterThan(1000);
    expect([...(await harnessEdges(root))].sort()).toEqual([...expected].sort());
  });
});
