// Every rule, import form and resolution case, on the fixture repos.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, sectionDefaults } from 'agent-harness-config';
import { sortDiagnostics } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from '../src/check-layers.js';
import type { FixtureCopy } from './copy-fixture.js';
import { brief, copyFixture } from './copy-fixture.js';

let fixture: FixtureCopy | undefined;
afterEach(() => fixture?.remove());

describe('domains fixture', () => {
  it('reports every rule, through every import form, with suppressions applied', async () => {
    fixture = await copyFixture('domains');
    const result = await checkLayers({ root: fixture.root, config: fixture.config, cache: false });
    expect(sortDiagnostics(result.diagnostics).map(brief)).toEqual([
      'layers/unassigned src/domains/billing/helpers/round.ts',
      'layers/unused-suppression src/domains/billing/runtime/job.ts:3',
      'layers/invalid-suppression src/domains/billing/runtime/job.ts:5',
      'layers/providers-only src/domains/billing/service/charge.ts:1 → npm:@opentelemetry/api',
      'layers/package-placement src/domains/billing/service/charge.ts:2 → npm:pg',
      'layers/forward-only src/domains/billing/service/charge.ts:4 → src/domains/billing/ui/pay-button.tsx',
      'layers/cross-domain src/domains/orders/repo/legacy.ts:1 → src/domains/billing/repo/invoices.ts',
      'layers/cross-domain src/domains/orders/runtime/worker.cjs:2 → src/domains/billing/service/charge.ts',
      'layers/cross-domain src/domains/orders/service/place-order.ts:2 → src/domains/billing/repo/invoices.ts',
      'layers/cross-domain src/domains/orders/types/order.ts:1 → src/domains/billing/types/invoice.ts (type)',
      'layers/cross-domain src/domains/orders/ui/lazy.ts:2 → src/domains/billing/repo/invoices.ts',
      'layers/shared-purity src/utils/money.ts:1 → src/domains/billing/types/invoice.ts (type)',
    ]);
    expect(result.files).toBe(16);
    const first = result.diagnostics.find((d) => d.rule === 'layers/forward-only');
    expect(first).toMatchObject({
      check: 'layers',
      severity: 'error',
      column: 1,
      docs: 'docs/rules/layers.md#forward-only',
      typeOnly: false,
    });
    expect(first?.fix).toMatch(
      /^Move what this file needs from src\/domains\/billing\/ui\/pay-button.tsx down into service/,
    );
  });

  it('resolves tsconfig paths, #imports, .js → .ts/.tsx, require without extension and JSX files', async () => {
    fixture = await copyFixture('domains');
    const { graph } = await checkLayers({ root: fixture.root, config: fixture.config, cache: false });
    const edges = graph.files.flatMap((f) =>
      f.imports.map(
        (i) => `${f.path} ${i.kind} ${i.specifier} → ${i.target.kind === 'file' ? i.target.path : i.target.kind}`,
      ),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'src/domains/orders/service/place-order.ts import @billing/repo/invoices → src/domains/billing/repo/invoices.ts',
        'src/providers/telemetry.ts import #platform/flags.js → src/platform/flags.ts',
        'src/domains/billing/service/charge.ts import ../ui/pay-button.js → src/domains/billing/ui/pay-button.tsx',
        'src/domains/orders/runtime/worker.cjs require ../service/place-order → src/domains/orders/service/place-order.ts',
        'src/domains/orders/repo/legacy.ts import-equals ../../billing/repo/invoices → src/domains/billing/repo/invoices.ts',
        'src/domains/orders/ui/lazy.ts dynamic-import ../../billing/repo/invoices.js → src/domains/billing/repo/invoices.ts',
        'src/domains/billing/ui/pay-button.tsx import ../../../providers/telemetry.js → src/providers/telemetry.ts',
      ]),
    );
  });

  it('lets type-only imports through for the rules in allowTypeOnly', async () => {
    fixture = await copyFixture('domains');
    const config = { ...fixture.config, allowTypeOnly: ['cross-domain' as const] };
    const { diagnostics } = await checkLayers({ root: fixture.root, config, cache: false });
    expect(diagnostics.filter((d) => d.typeOnly === true).map(brief)).toEqual([
      'layers/shared-purity src/utils/money.ts:1 → src/domains/billing/types/invoice.ts (type)',
    ]);
  });

  it('forbids every cross-domain import with crossDomain: forbid', async () => {
    fixture = await copyFixture('domains');
    const { diagnostics } = await checkLayers({
      root: fixture.root,
      config: { ...fixture.config, crossDomain: 'forbid' },
      cache: false,
    });
    expect(diagnostics.map(brief)).toContain(
      'layers/cross-domain src/domains/orders/service/place-order.ts:1 → src/domains/billing/index.ts',
    );
  });
});

describe('monorepo fixture (path mode)', () => {
  it('resolves workspace packages, exports conditions, extends chains and index files', async () => {
    fixture = await copyFixture('monorepo');
    const result = await checkLayers({ root: fixture.root, config: fixture.config, cache: false });
    expect(result.diagnostics.map(brief)).toEqual([
      'layers/forward-only packages/core/src/feature.ts:1 → packages/app/src/index.ts',
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'core may not import app: layers only depend forward (core → app → cli).',
    );
    const edges = result.graph.files.flatMap((f) =>
      f.imports.map((i) => `${f.path} ${i.specifier} → ${i.target.kind === 'file' ? i.target.path : i.target.kind}`),
    );
    expect(edges).toEqual([
      // @mono/core's exports name dist/, which is not built: its tsconfig maps dist/ back to src/.
      'packages/app/src/index.ts @mono/core → packages/core/src/index.ts',
      'packages/app/src/index.ts @mono/core/feature → packages/core/src/feature.ts',
      'packages/app/src/index.ts ~/lib/pad → packages/app/src/lib/pad.ts',
      'packages/app/src/index.ts #lib/trim.js → packages/app/src/lib/trim.ts',
      'packages/cli/src/main.ts @mono/app → packages/app/src/index.ts',
      'packages/cli/src/main.ts node:fs → builtin',
      'packages/cli/src/main.ts ./lib → packages/cli/src/lib/index.ts',
      'packages/core/src/feature.ts @mono/app → packages/app/src/index.ts',
      'packages/core/src/index.ts ./feature.js → packages/core/src/feature.ts',
    ]);
    expect(result.diagnostics.filter((d) => d.rule === 'layers/unresolved')).toEqual([]);
  });

  it('follows a package entry in build output back to its source file, as project references do', async () => {
    fixture = await copyFixture('monorepo');
    await mkdir(join(fixture.root, 'packages/core/dist'), { recursive: true });
    await writeFile(join(fixture.root, 'packages/core/dist/index.d.ts'), 'export declare const core: string;\n');
    const { graph } = await checkLayers({ root: fixture.root, config: fixture.config, cache: false });
    const app = graph.files.find((f) => f.path === 'packages/app/src/index.ts');
    expect(app?.imports[0]?.target).toEqual({ kind: 'file', path: 'packages/core/src/index.ts' });
  });
});

describe('resolution details', () => {
  it('reads tsconfig paths without baseUrl relative to the tsconfig, as TypeScript 4.1+ does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'harness-layers-paths-'));
    try {
      await mkdir(join(root, 'src/lib'), { recursive: true });
      await mkdir(join(root, 'app'));
      await writeFile(join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@lib/*": ["./src/lib/*"] } } }');
      await writeFile(join(root, 'src/lib/a.ts'), 'export const a = 1;\n');
      await writeFile(join(root, 'app/main.ts'), "import { a } from '@lib/a';\nexport const b = a;\n");
      const { graph } = await checkLayers({ root, config: sectionDefaults('layers'), cache: false });
      expect(graph.files.find((f) => f.path === 'app/main.ts')?.imports[0]?.target).toEqual({
        kind: 'file',
        path: 'src/lib/a.ts',
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('this repository', () => {
  it('passes its own layers check (path mode over the package tiers)', async () => {
    const loaded = await loadConfig({ cwd: new URL('../../..', import.meta.url).pathname });
    if (loaded.config.layers === undefined) throw new Error('harness.config.yaml has no layers section');
    const result = await checkLayers({ root: loaded.root, config: loaded.config.layers, cache: false });
    expect(result.diagnostics.map(brief)).toEqual([]);
    const cli = result.graph.files.find((f) => f.path === 'packages/harness/src/commands/check.ts');
    expect(cli?.imports.map((i) => (i.target.kind === 'file' ? i.target.path : i.target.kind))).toContain(
      'packages/check/src/index.ts',
    );
  });
});
