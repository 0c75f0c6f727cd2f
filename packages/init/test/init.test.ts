// harness init on fixture repositories, through the library: one fixture per
// layout the inference handles and per package manager.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from 'agent-harness-config';
import { formatHarnessError, HarnessError } from 'agent-harness-diagnostics';
import { afterAll, describe, expect, it } from 'vitest';
import type { InitChoices } from '../src/index.js';
import { applyInit, planInit, planIsEmpty, prepareInit, renderPlanText } from '../src/index.js';
import { parse as parseYaml } from 'yaml';
import { fixtureRepo, removeFixtureRepos, snapshotTree } from './fixture-repo.js';

afterAll(removeFixtureRepos);

const today = '2026-11-22';

async function plan(root: string, options: { force?: boolean; split?: boolean; choices?: Partial<InitChoices> } = {}) {
  const inspection = await prepareInit({ cwd: root, force: options.force ?? false });
  return planInit(inspection, { harnessVersion: '0.1.0', today, ...options });
}

async function init(root: string, options: { force?: boolean; split?: boolean } = {}) {
  const planned = await plan(root, options);
  return { plan: planned, result: await applyInit(planned) };
}

describe('layout inference', () => {
  // What the proposers find is theirs to test (src/proposals); here: the pipeline reads the one
  // import graph, writes what chooseModel chose with its fit, and nothing when nothing fits.
  it('shop (npm): contracts read from the import graph, each with a fit the code obeys, written with the ignores it was measured without', async () => {
    const inspection = await prepareInit({ cwd: fixtureRepo('shop') });
    expect(inspection.facts.packageManager).toMatchObject({ name: 'npm', source: 'package-lock.json' });
    expect(inspection.layers.mode).toBe('contracts');
    const chosen = inspection.layers.fit?.chosen ?? [];
    expect(chosen.length).toBeGreaterThan(0);
    expect(inspection.layers.contracts?.map((c) => c.name)).toEqual(chosen.map((c) => c.name));
    for (const { fit } of chosen) {
      expect(fit.filesTotal).toBe(17); // src/ without tests: the graph the layers check builds
      // At most 1% of its files, or, where one file is more than 1%, one file with under a tenth of the judged imports.
      const oneFile = fit.filesAgainst === 1 && fit.edgesAgainst < 0.1 * fit.edgesJudged;
      expect(fit.filesAgainst / fit.filesAssigned <= 0.01 || oneFile).toBe(true);
    }
    // The shop's layering, with its one backward import (repo → service) left for the baseline.
    expect(inspection.layers.contracts).toContainEqual(
      expect.objectContaining({ type: 'layers', segments: ['model', 'repo', 'service', 'api'] }),
    );
    expect(chosen.find((c) => c.kind === 'segments')?.fit).toMatchObject({ filesAgainst: 1, edgesAgainst: 1 });
    const planned = await planInit(inspection, { harnessVersion: '0.1.0', today });
    const text = renderPlanText(planned, { dryRun: true, color: false });
    expect(text).toContain('Layers (contracts the code obeys)');
    expect(text).toContain('these 2 contracts but for 1 import, recorded in the baseline for you to fix.');
    for (const c of chosen)
      expect(text).toMatch(
        new RegExp(
          `fit: ${c.name} \\(${c.kind}\\): \\d+ of 17 files assigned, \\d+ imports judged, ${c.fit.edgesAgainst} against`,
        ),
      );
    for (const r of inspection.layers.fit?.rejected ?? []) expect(text).toContain(`rejected: ${r.name} (${r.kind}):`);
    const config = parseYaml(planned.files.find((f) => f.path === 'harness.config.yaml')?.content ?? '') as {
      layers: { contracts: unknown[]; ignore: string[] };
    };
    expect(config.layers.contracts).toEqual(inspection.layers.contracts);
    expect(config.layers.ignore).toContain('**/*.test.*');
  });

  it('platform (yarn berry workspaces): package tiers from the manifests, an allow DAG', async () => {
    const inspection = await prepareInit({ cwd: fixtureRepo('platform') });
    expect(inspection.facts.packageManager).toMatchObject({ name: 'yarn', agent: 'yarn@berry' });
    expect(inspection.facts.workspaces.map((w) => w.dir)).toEqual(['packages/core', 'packages/http', 'packages/web']);
    expect(inspection.layers.mode).toBe('contracts');
    expect(inspection.layers.contracts).toContainEqual(
      expect.objectContaining({
        type: 'layers',
        allow: { '@platform/http': ['@platform/core'], '@platform/web': ['@platform/core', '@platform/http'] },
      }),
    );
  });

  it('tool (bun): nothing fits, so no layers section, the reason and how to write one', async () => {
    const inspection = await prepareInit({ cwd: fixtureRepo('tool') });
    expect(inspection.facts.packageManager).toMatchObject({ name: 'bun', source: 'bun.lock' });
    expect(inspection.layers).toMatchObject({ mode: 'none', section: undefined });
    expect(inspection.layers.explanation[0]).toMatch(/^No layers model: /);
    expect(inspection.layers.explanation.join('\n')).toContain('docs/layers.md');
    const planned = await planInit(inspection, { harnessVersion: '0.1.0', today });
    const config = planned.files.find((f) => f.path === 'harness.config.yaml')?.content ?? '';
    expect(config).not.toContain('layers:');
  });
});

describe('writing', () => {
  it('writes a valid config with the schema comment, the map, the docs skeleton, CLAUDE.md, the workflow and the devDependency', async () => {
    const root = fixtureRepo('shop');
    const { result } = await init(root);
    const config = readFileSync(join(root, 'harness.config.yaml'), 'utf8');
    expect(config.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://unpkg.com/agent-harness-config/schema.json',
    );
    const loaded = await loadConfig({ cwd: root });
    expect(loaded.config).toMatchObject({
      layers: { contracts: expect.arrayContaining([expect.objectContaining({ type: 'layers' })]) as unknown },
      // shop has no docs, so no front matter is required (init requires only keys the repository's docs carry).
      docs: { map: 'AGENTS.md', root: 'docs', frontmatter: {} },
      budgets: [
        { name: 'build', command: 'npm run build' },
        { name: 'test', command: 'npm run test' },
      ],
      compose: { files: ['compose.yaml'] },
    });
    for (const file of [
      'AGENTS.md',
      'CLAUDE.md',
      'docs/index.md',
      'docs/architecture.md',
      'docs/design-docs/index.md',
      'docs/exec-plans/active/index.md',
      'docs/exec-plans/completed/index.md',
      'docs/product-specs/index.md',
      'docs/references/index.md',
      'docs/generated/index.md',
      '.github/workflows/harness.yml',
    ]) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    expect(readFileSync(join(root, 'CLAUDE.md'), 'utf8')).toBe('@AGENTS.md\n');
    // The contracts init chose, as a table for agents.
    expect(readFileSync(join(root, 'docs/architecture.md'), 'utf8')).toMatch(
      /\| modules \| layers \| .*`src\/modules\/\*\*`/,
    );
    expect(readFileSync(join(root, 'docs/design-docs/index.md'), 'utf8')).toMatch(
      /^# Design docs\n[\s\S]*\[core-beliefs\.md\]\(core-beliefs\.md\)/,
    );
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toEqual({ 'agent-harness': '^0.1.0', typescript: '^5.9.0' });
    expect(result.written).toContain('harness.config.yaml');
    expect(result.written.at(-1)).toBe('harness.config.yaml');
  });

  it('the workflow uses the repo’s package manager and node version', async () => {
    const read = async (name: string) => {
      const root = fixtureRepo(name);
      await init(root);
      return readFileSync(join(root, '.github/workflows/harness.yml'), 'utf8');
    };
    const orders = await read('orders');
    expect(orders).toContain('- uses: pnpm/action-setup@v4');
    expect(orders).toContain('node-version-file: .nvmrc');
    expect(orders).toContain('- run: pnpm i --frozen-lockfile');
    // One run of the checks, through the action (annotations, SARIF, step summary).
    expect(orders.match(/uses: agent-harness\/agent-harness@v1/g)).toHaveLength(1);
    expect(orders).not.toMatch(/run: .*harness/);
    // harness's caches survive between runs, so a check reads only what changed.
    expect(orders).toMatch(
      /- uses: actions\/cache@v4\n\s+with:\n\s+path: \.harness\/cache\n\s+key: harness-cache-\$\{\{ runner\.os \}\}-\$\{\{ github\.sha \}\}/,
    );
    const shop = await read('shop');
    expect(shop).toContain('node-version: 22');
    expect(shop).toContain('- run: npm ci');
    expect(shop).toContain('branches: [main]');
    expect(await read('tool')).toContain('- uses: oven-sh/setup-bun@v2');
    expect(await read('platform')).toContain('- run: yarn install --immutable');
  });

  it('a second run changes nothing and says so', async () => {
    const root = fixtureRepo('shop');
    await init(root);
    const before = snapshotTree(root);
    const { plan: second, result } = await init(root);
    expect(planIsEmpty(second)).toBe(true);
    expect(result.written).toEqual([]);
    expect(result.baselines).toEqual([]);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('writes the dispatch workflow once harness.config.yaml sets factory.mode: dispatch, and only then', async () => {
    const root = fixtureRepo('shop');
    await init(root);
    const turn = join(root, '.github/workflows/harness-factory-turn.yml');
    expect(existsSync(turn)).toBe(false);
    const configPath = join(root, 'harness.config.yaml');
    writeFileSync(configPath, `${readFileSync(configPath, 'utf8')}\nfactory:\n  mode: dispatch\n`);
    const { result } = await init(root);
    expect(result.written).toEqual(['.github/workflows/harness-factory-turn.yml']);
    const workflow = readFileSync(turn, 'utf8');
    expect(workflow).toContain('workflow_dispatch:');
    expect(workflow).toContain('run: npx harness factory turn --issue "$ISSUE"');
    const { plan: third } = await init(root);
    expect(planIsEmpty(third)).toBe(true);
  });

  it('outside a git repository: a usage error (exit 2) that says where and how, and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-init-nogit-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}\n');
    await expect(prepareInit({ cwd: dir })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('is not inside a git repository') as unknown,
    });
    expect(readdirSync(dir)).toEqual(['package.json']);
    rmSync(dir, { recursive: true });
  });

  it('an invalid existing harness.config.yaml stops init with its file, line and key, and nothing is written', async () => {
    const root = fixtureRepo('shop');
    writeFileSync(join(root, 'harness.config.yaml'), 'version: 1\nlayers:\n  domians: ["src/modules/*"]\n');
    const before = snapshotTree(root);
    const error: unknown = await prepareInit({ cwd: root }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Every HarnessError is an exit-2 error; this one points at the file, line and key.
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(formatHarnessError(error as HarnessError)).toMatch(
      /^harness\.config\.yaml:3:3: .*layers\.domians.*did you mean "domains"/s,
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it('--dry-run (plan without apply) writes nothing', async () => {
    const root = fixtureRepo('shop');
    const before = snapshotTree(root);
    const planned = await plan(root);
    expect(planned.files.filter((f) => f.action === 'create').length).toBeGreaterThan(10);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a run interrupted midway is completed by the next one, to the same result as one clean run', async () => {
    const clean = fixtureRepo('shop');
    await init(clean);
    const root = fixtureRepo('shop');
    const planned = await plan(root);
    // applyInit writes the config last; Ctrl-C leaves some files written, one temporary file not yet renamed, no config.
    const writes = planned.files.filter((f) => f.content !== undefined && f.path !== 'harness.config.yaml');
    for (const file of writes.slice(0, 4)) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.content ?? '');
    }
    const half = writes[4];
    if (half === undefined) throw new Error('fixture too small');
    mkdirSync(dirname(join(root, half.path)), { recursive: true });
    writeFileSync(join(root, `${half.path}.harness-init-tmp`), (half.content ?? '').slice(0, 10));
    expect(existsSync(join(root, 'harness.config.yaml'))).toBe(false);
    await init(root);
    expect(snapshotTree(root)).toEqual(snapshotTree(clean));
  });

  it('keeps existing files, says why, and --force replaces only what is not the user’s own text', async () => {
    const root = fixtureRepo('dashboard');
    writeFileSync(join(root, 'harness.config.yaml'), 'version: 1\n');
    const first = await plan(root);
    const action = (p: typeof first, path: string) => p.files.find((f) => f.path === path);
    expect(action(first, 'harness.config.yaml')).toMatchObject({
      action: 'keep',
      reason: expect.stringContaining('--force'),
    });
    expect(action(first, 'AGENTS.md')).toMatchObject({
      action: 'keep',
      reason: expect.stringContaining('160 lines (over the limit of 150); --split'),
    });
    expect(action(first, 'CLAUDE.md')).toMatchObject({
      action: 'keep',
      reason: expect.stringContaining('add a line `@AGENTS.md`'),
    });
    const forced = await plan(root, { force: true });
    expect(action(forced, 'harness.config.yaml')?.action).toBe('overwrite');
    expect(action(forced, 'AGENTS.md')?.action).toBe('keep');
    expect(action(forced, 'CLAUDE.md')?.action).toBe('keep');
  });

  it('links existing docs from the new docs index', async () => {
    const root = fixtureRepo('dashboard');
    // With --split the map is init's and reaches the index (a kept map that does not link docs/ gets none).
    await init(root, { split: true });
    expect(readFileSync(join(root, 'docs/index.md'), 'utf8')).toContain('- [guide.md](guide.md)');
  });

  it('keeps package.json formatting (tabs, key order, no final newline)', async () => {
    const root = fixtureRepo('tool');
    writeFileSync(join(root, 'package.json'), '{\n\t"name": "tool",\n\t"scripts": {\n\t\t"test": "bun test"\n\t}\n}');
    await init(root);
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe(
      '{\n\t"name": "tool",\n\t"scripts": {\n\t\t"test": "bun test"\n\t},\n\t"devDependencies": {\n\t\t"agent-harness": "^0.1.0"\n\t}\n}',
    );
  });
});

describe('--split', () => {
  it('moves every section of an over-long AGENTS.md to docs/agents/ and leaves a short map; a rerun changes nothing', async () => {
    const root = fixtureRepo('dashboard');
    const original = readFileSync(join(root, 'AGENTS.md'), 'utf8');
    const { plan: planned } = await init(root, { split: true });
    expect(planned.files.find((f) => f.path === 'AGENTS.md')?.action).toBe('update');
    const map = readFileSync(join(root, 'AGENTS.md'), 'utf8');
    expect(map.split('\n').length).toBeLessThanOrEqual(150);
    expect(map).toContain('- [Topic 12](docs/agents/topic-12.md)');
    const moved = Object.entries(snapshotTree(root))
      .filter(([path]) => path.startsWith('docs/agents/'))
      .map(([, text]) => text)
      .join('\n');
    for (const line of original.split('\n').filter((l) => l.trim() !== '')) {
      // Relative link targets are re-rooted from the repository root to docs/agents/.
      expect(moved.split('\n')).toContain(line.replace('](docs/guide.md)', '](../../docs/guide.md)'));
    }
    const before = snapshotTree(root);
    const again = await init(root, { split: true });
    expect(planIsEmpty(again.plan)).toBe(true);
    expect(snapshotTree(root)).toEqual(before);
  });
});
