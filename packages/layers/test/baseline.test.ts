// The baseline as docs/layers.md says: created by --update-baseline, then shrink-only unless
// --allow-growth, identity by file + rule + target (not line), stale entries reported.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from '../src/check-layers.js';
import type { FixtureCopy } from './copy-fixture.js';
import { brief, copyFixture } from './copy-fixture.js';

let fixture: FixtureCopy | undefined;
afterEach(() => fixture?.remove());

const baselineFile = '.harness/baseline/layers.json';
const readEntries = async (root: string) =>
  (
    JSON.parse(await readFile(join(root, baselineFile), 'utf8')) as {
      entries: { file: string; rule: string; target: string }[];
    }
  ).entries;
const edit = async (root: string, file: string, from: string, to: string) => {
  const path = join(root, file);
  await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
};

describe('layers baseline', () => {
  it('is created with every finding, then accepts them', async () => {
    fixture = await copyFixture('domains');
    const created = await checkLayers({ root: fixture.root, config: fixture.config, updateBaseline: true });
    expect(created.notes).toContain('layers: wrote .harness/baseline/layers.json: 10 entries (+10, -0).');
    // Suppression problems are never baselined: they are fixed where they stand.
    expect(created.diagnostics.map((d) => d.rule)).toEqual(['layers/unused-suppression', 'layers/invalid-suppression']);
    const entries = await readEntries(fixture.root);
    expect(entries[0]).toEqual({ file: 'src/domains/billing/helpers/round.ts', rule: 'layers/unassigned', target: '' });
    const again = await checkLayers({ root: fixture.root, config: fixture.config });
    expect(again.diagnostics.map((d) => d.rule)).toEqual(['layers/unused-suppression', 'layers/invalid-suppression']);
  });

  it('ignores moved lines, reports stale entries, and shrinks without growing', async () => {
    fixture = await copyFixture('domains');
    await checkLayers({ root: fixture.root, config: fixture.config, updateBaseline: true });
    // Moving an import keeps its identity.
    await edit(fixture.root, 'src/domains/orders/ui/lazy.ts', 'export async', '\n\nexport async');
    // Fixing one finding makes its entry stale; a new violation is not accepted.
    await edit(fixture.root, 'src/domains/orders/repo/legacy.ts', '../../billing/repo/invoices', '../../billing/index');
    await edit(
      fixture.root,
      'src/domains/orders/types/order.ts',
      "'../../billing/types/invoice.js';",
      "'../../billing/types/invoice.js';\nimport '../ui/lazy.js';",
    );
    const run = await checkLayers({ root: fixture.root, config: fixture.config });
    expect(run.diagnostics.filter((d) => !d.rule.endsWith('-suppression')).map(brief)).toEqual([
      'layers/forward-only src/domains/orders/types/order.ts:2 → src/domains/orders/ui/lazy.ts',
      'layers/stale-baseline .harness/baseline/layers.json → src/domains/billing/repo/invoices.ts',
    ]);

    const shrunk = await checkLayers({ root: fixture.root, config: fixture.config, updateBaseline: true });
    expect(shrunk.notes).toContain(
      'layers: wrote .harness/baseline/layers.json: 9 entries (+0, -1) (new findings were not added: the baseline only shrinks unless --allow-growth).',
    );
    expect(shrunk.diagnostics.filter((d) => !d.rule.endsWith('-suppression')).map(brief)).toEqual([
      'layers/forward-only src/domains/orders/types/order.ts:2 → src/domains/orders/ui/lazy.ts',
    ]);

    const grown = await checkLayers({
      root: fixture.root,
      config: fixture.config,
      updateBaseline: true,
      allowGrowth: true,
    });
    expect(grown.notes).toContain('layers: wrote .harness/baseline/layers.json: 10 entries (+1, -0).');
    expect(grown.diagnostics.filter((d) => !d.rule.endsWith('-suppression'))).toEqual([]);
  });

  it('writes nothing with dryRun', async () => {
    fixture = await copyFixture('domains');
    const run = await checkLayers({ root: fixture.root, config: fixture.config, updateBaseline: true, dryRun: true });
    expect(run.notes).toContain('layers: would write .harness/baseline/layers.json: 10 entries (+10, -0).');
    await expect(readFile(join(fixture.root, baselineFile))).rejects.toThrow('ENOENT');
  });

  it('refuses a baseline that does not parse, saying how to recover', async () => {
    fixture = await copyFixture('domains');
    await checkLayers({ root: fixture.root, config: fixture.config, updateBaseline: true });
    await writeFile(join(fixture.root, baselineFile), '{"version": 1, "entries": [{"file": 1}]}');
    await expect(checkLayers({ root: fixture.root, config: fixture.config })).rejects.toMatchObject({
      code: 'BASELINE_INVALID',
      message:
        'the layers baseline .harness/baseline/layers.json is not valid: entries[0] needs string "file", "rule" and "target"',
    });
  });
});
