// checkFileSync (the ESLint plugin's synchronous path) reports for each file exactly what checkLayers
// reports for it, minus the rules only the whole run can decide (wholeRunLayerRules).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { sortDiagnostics } from 'agent-harness-diagnostics';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFileSync, prepareCheckFileSync, wholeRunLayerRules } from '../src/check-file-sync.js';
import { checkLayers } from '../src/check-layers.js';
import type { FixtureCopy } from './copy-fixture.js';
import { brief, copyFixture } from './copy-fixture.js';
import type { TempRepo } from './temp-repo.js';
import { createTempRepo } from './temp-repo.js';

let fixture: FixtureCopy | TempRepo | undefined;
afterEach(() => fixture?.remove());
beforeAll(() => prepareCheckFileSync());

function gitInit(root: string): void {
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
}

/** Every file's per-file findings next to the CLI's; returns the CLI's findings the files did not report. */
async function compareWithCli(
  root: string,
  config: LayersConfig,
): Promise<{ perFile: Diagnostic[]; rest: Diagnostic[] }> {
  const cli = await checkLayers({ root, config, cache: false });
  const perFile: Diagnostic[] = [];
  for (const file of cli.graph.files) {
    const result = checkFileSync({ file: join(root, file.path) });
    expect(result.checked, file.path).toBe(true);
    const expected = cli.diagnostics.filter((d) => d.file === file.path && !wholeRunLayerRules.includes(d.rule));
    expect(result.diagnostics, file.path).toEqual(sortDiagnostics(expected));
    perFile.push(...result.diagnostics);
  }
  const rest = cli.diagnostics.filter((d) => !perFile.includes(d) && !perFile.some((p) => brief(p) === brief(d)));
  return { perFile, rest };
}

describe('checkFileSync', () => {
  it.each(['domains', 'monorepo'])('reports per file what checkLayers reports on the %s fixture', async (name) => {
    const copy = await copyFixture(name);
    fixture = copy;
    gitInit(copy.root);
    const { perFile, rest } = await compareWithCli(copy.root, copy.config);
    expect(perFile.length).toBeGreaterThan(0);
    expect(rest).toEqual([]);
  });

  it('honours the baseline; a stale entry is the whole run’s finding only', async () => {
    const copy = await copyFixture('domains');
    fixture = copy;
    gitInit(copy.root);
    await checkLayers({ root: copy.root, config: copy.config, cache: false, updateBaseline: true });
    const baselineFile = join(copy.root, copy.config.baseline);
    const baseline = JSON.parse(await readFile(baselineFile, 'utf8')) as { entries: unknown[] };
    baseline.entries.push({ file: 'src/gone.ts', rule: 'layers/forward-only', target: 'src/x.ts' });
    await writeFile(baselineFile, JSON.stringify(baseline));
    const { perFile, rest } = await compareWithCli(copy.root, copy.config);
    // Only the suppression problems, which the baseline does not record, are left per file.
    expect(perFile.map((d) => d.rule).sort()).toEqual(['layers/invalid-suppression', 'layers/unused-suppression']);
    expect(rest.map((d) => d.rule)).toEqual(['layers/stale-baseline']);
  });

  it('judges the text it is given (an unsaved buffer), harness-ignore comments included', async () => {
    const copy = await copyFixture('domains');
    fixture = copy;
    gitInit(copy.root);
    const file = join(copy.root, 'src/domains/billing/service/charge.ts');
    const text = await readFile(file, 'utf8');
    const before = checkFileSync({ file, text }).diagnostics.map(brief);
    expect(before).toContain(
      'layers/forward-only src/domains/billing/service/charge.ts:4 → src/domains/billing/ui/pay-button.tsx',
    );
    const edited = text.replace(
      'import { PayButton }',
      '// harness-ignore layers/forward-only: moves to ui in #3\nimport { PayButton }',
    );
    const after = checkFileSync({ file, text: edited }).diagnostics.map(brief);
    expect(after).toEqual(before.filter((line) => !line.startsWith('layers/forward-only')));
  });

  it('applies the rules map as the check runner does: off drops, warn sets the severity', async () => {
    const copy = await copyFixture('domains');
    fixture = copy;
    gitInit(copy.root);
    const configFile = join(copy.root, 'harness.config.yaml');
    await writeFile(
      configFile,
      `${await readFile(configFile, 'utf8')}rules:\n  layers/forward-only: "off"\n  layers/package-placement: warn\n`,
    );
    const found = checkFileSync({ file: join(copy.root, 'src/domains/billing/service/charge.ts') }).diagnostics;
    expect(found.map((d) => `${d.rule} ${d.severity}`)).toEqual([
      'layers/providers-only error',
      'layers/package-placement warning',
    ]);
  });

  it('checks no file the CLI does not check: ignored, test fixtures, outside a source extension', async () => {
    const copy = await copyFixture('domains');
    fixture = copy;
    gitInit(copy.root);
    for (const path of [
      'src/utils/money.spec.ts',
      'src/__fixtures__/x.ts',
      'src/domains/billing/types/invoice.d.ts',
      'package.json',
    ])
      expect(checkFileSync({ file: join(copy.root, path), text: "import x from '../../nowhere.js';" }), path).toEqual({
        checked: false,
        diagnostics: [],
      });
    expect(checkFileSync({ file: join(copy.root, 'src/utils/new-file.ts'), text: '' }).checked).toBe(true);
  });

  it('reports an unresolved import, and not one into a place git ignores (as the CLI does)', async () => {
    const repo = await createTempRepo({
      'harness.config.yaml': 'version: 1\nlayers:\n  paths:\n    types: ["src/**"]\n',
      '.gitignore': 'src/generated/\n',
      'src/a.ts': "import { api } from './generated/api.js';\nimport { b } from './missing.js';\nexport { api, b };\n",
    });
    fixture = repo;
    const { perFile, rest } = await compareWithCli(repo.root, {
      ...sectionDefaults('layers'),
      paths: { types: ['src/**'] },
    });
    expect(perFile.map(brief)).toEqual(['layers/unresolved src/a.ts:2 → ./missing.js']);
    expect(rest).toEqual([]);
  });

  it('finds a file created after the session began: an unresolved import is resolved again', async () => {
    const repo = await createTempRepo({
      'harness.config.yaml': 'version: 1\nlayers:\n  paths:\n    types: ["src/**"]\n',
      'src/a.ts': "import { later } from './later.js';\nexport { later };\n",
    });
    fixture = repo;
    const file = join(repo.root, 'src/a.ts');
    expect(checkFileSync({ file }).diagnostics.map(brief)).toEqual(['layers/unresolved src/a.ts:1 → ./later.js']);
    await writeFile(join(repo.root, 'src/later.ts'), 'export const later = 1;\n');
    expect(checkFileSync({ file }).diagnostics).toEqual([]);
  });

  it('throws the config error the CLI exits 2 with', async () => {
    const repo = await createTempRepo({
      'harness.config.yaml': 'version: 1\nlayers:\n  paths:\n    nolayer: ["src/**"]\n',
      'src/a.ts': '',
    });
    fixture = repo;
    expect(() => checkFileSync({ file: join(repo.root, 'src/a.ts') })).toThrow(/layers.paths.nolayer names a layer/);
  });
});
