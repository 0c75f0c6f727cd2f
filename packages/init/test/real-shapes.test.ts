// harness init --yes, then harness check, with the built bin on fixtures cut down from public
// repositories (each fixture's README names the repository and commit; docs/init.md has the full
// runs): the model read from the code is the repository's real structure, the code obeys it (errors
// in at most 1% of the source files before anything is baselined), and nothing init wrote is itself
// a finding.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixtureRepo, removeFixtureRepos } from './fixture-repo.js';

afterAll(removeFixtureRepos);

const bin = fileURLToPath(new URL('../../harness/bin/harness.js', import.meta.url));

interface Contract {
  name: string;
  type: string;
  layers?: Record<string, string[]>;
  segments?: string[];
  allow?: Record<string, string[]>;
}

interface BaselineEntry {
  file: string;
  rule: string;
}

function harness(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

const git = (root: string, ...args: string[]): string[] =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '');

/** init --yes, then check; the contracts written, the findings recorded before baselining, and what init wrote. */
async function initThenCheck(name: string) {
  const root = fixtureRepo(name);
  const sources = git(root, 'ls-files').filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
  const init = await harness(['init', '--yes'], root);
  expect(init, init.stdout + init.stderr).toMatchObject({ code: 0 });
  const check = await harness(['check'], root);
  expect(check, check.stdout + check.stderr).toMatchObject({ code: 0 });
  const config = parseYaml(readFileSync(join(root, 'harness.config.yaml'), 'utf8')) as {
    layers?: { contracts?: Contract[] };
  };
  const baseline = (check: string): BaselineEntry[] =>
    (JSON.parse(readFileSync(join(root, `.harness/baseline/${check}.json`), 'utf8')) as { entries: BaselineEntry[] })
      .entries;
  const written = new Set([
    ...git(root, 'ls-files', '--others', '--exclude-standard'),
    ...git(root, 'diff', '--name-only'),
  ]);
  return {
    contracts: config.layers?.contracts ?? [],
    layers: baseline('layers'),
    docs: baseline('docs'),
    sources,
    written,
    stdout: init.stdout,
  };
}

function expectObeyedAndClean(run: Awaited<ReturnType<typeof initThenCheck>>): void {
  const filesAgainst = new Set(run.layers.map((e) => e.file));
  expect(filesAgainst.size / run.sources.length).toBeLessThanOrEqual(0.01);
  const ownFindings = [...run.layers, ...run.docs].filter((e) => run.written.has(e.file));
  expect(ownFindings).toEqual([]);
  expect(run.stdout).toContain('harness check: green');
}

const keysInOrder = (record: Record<string, unknown> | undefined): string[] => Object.keys(record ?? {});

describe('harness init on shapes of real repositories (the built bin)', () => {
  it('a VS Code-style extension (vscode-copilot-chat): environment folders as segments, util → platform → extension', async () => {
    const run = await initThenCheck('real-vscode');
    const segments = run.contracts.find((c) => c.segments !== undefined);
    expect(segments?.segments).toEqual(expect.arrayContaining(['common', 'node', 'vscode-node']));
    expect(segments?.allow?.common ?? []).toEqual([]);
    expect(segments?.allow?.node).toEqual(['common']);
    const modules = run.contracts.find((c) => c.layers?.util !== undefined);
    expect(keysInOrder(modules?.layers)).toEqual(['util', 'platform', 'extension']);
    expectObeyedAndClean(run);
  });

  it('a theia-style modular monorepo, build output absent: package tiers from the manifests and environment segments', async () => {
    const run = await initThenCheck('real-theia');
    const packages = run.contracts.find((c) => c.layers?.['@theia/core'] !== undefined);
    expect(packages?.allow?.['@theia/editor']).toEqual(expect.arrayContaining(['@theia/core', '@theia/filesystem']));
    expect(packages?.allow?.['@theia/core']).toBeUndefined();
    const segments = run.contracts.find((c) => c.segments !== undefined);
    expect(segments?.segments).toEqual(expect.arrayContaining(['common', 'browser', 'node']));
    expect(segments?.allow).toMatchObject({ browser: ['common'], node: ['common'] });
    expectObeyedAndClean(run);
  });

  it('a pnpm monorepo whose exports name an absent dist/ and whose docs/architecture.md draws the package graph', async () => {
    const run = await initThenCheck('real-router');
    const packages = run.contracts.find((c) => c.layers?.['@tanstack/history'] !== undefined);
    expect(packages?.allow).toMatchObject({
      '@tanstack/router-core': ['@tanstack/history'],
      '@tanstack/router-devtools': expect.arrayContaining([
        '@tanstack/react-router',
        '@tanstack/router-core',
      ]) as unknown,
    });
    expect(run.stdout).toContain('docs/architecture.md describes the package graph');
    expectObeyedAndClean(run);
  });

  it('a layered service (bulletproof-nodejs) with a tsconfig alias: its folders in the order of their imports', async () => {
    const run = await initThenCheck('real-service');
    const order = keysInOrder(run.contracts.find((c) => c.layers?.services !== undefined)?.layers);
    for (const [before, after] of [
      ['interfaces', 'models'],
      ['models', 'services'],
      ['config', 'services'],
      ['services', 'api'],
      ['api', 'loaders'],
    ] as const)
      expect(order.indexOf(before), `${before} before ${after} in ${order.join(', ')}`).toBeLessThan(
        order.indexOf(after),
      );
    expectObeyedAndClean(run);
  });
});
