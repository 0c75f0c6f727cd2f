// Migration into layers.contracts: a dependency-cruiser config in the style of its docs, and an
// excerpt of a real repository's import/no-restricted-paths zones (microsoft/vscode-copilot-chat),
// through the library; then the built bin with --from --dry-run.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfig } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { afterAll, describe, expect, it } from 'vitest';
import { applyInit, planInit, prepareInit } from '../src/index.js';
import { fixtureRepo, removeFixtureRepos, snapshotTree } from './fixture-repo.js';

afterAll(removeFixtureRepos);

const bin = fileURLToPath(new URL('../../harness/bin/harness.js', import.meta.url));

async function plan(root: string, from?: string) {
  const inspection = await prepareInit({ cwd: root, ...(from === undefined ? {} : { from }) });
  return planInit(inspection, { harnessVersion: '0.1.0', today: '2026-12-05' });
}

function proposedContracts(planned: Awaited<ReturnType<typeof plan>>) {
  const text = planned.files.find((f) => f.path === 'harness.config.yaml')?.content ?? '';
  const result = validateConfig(text, 'harness.config.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.config.layers?.contracts.map(({ allowTypeOnly: _, ...c }) => c);
}

describe('from dependency-cruiser', () => {
  it('found on its own: the forbidden rules that map become contracts, the others are listed with a reason', async () => {
    const planned = await plan(fixtureRepo('cruised'));
    expect(planned.layers.mode).toBe('contracts');
    expect(proposedContracts(planned)).toEqual([
      { name: 'not-to-test', type: 'forbidden', from: ['**'], to: ['test*'], except: [{ from: ['test*'] }] },
      {
        name: 'not-to-spec',
        type: 'forbidden',
        from: ['**'],
        to: ['**/*.{spec,test}.{js,mjs,cjs,ts,ls,coffee,litcoffee,coffee.md}'],
        except: [],
      },
      { name: 'ui-not-to-db', type: 'forbidden', from: ['src/ui/**'], to: ['src/db/**'], except: [] },
      { name: 'db-not-up', type: 'forbidden', from: ['src/db/**'], to: ['src/{ui,api}/**'], except: [] },
    ]);
    const architecture = planned.files.find((f) => f.path === 'docs/architecture.md')?.content ?? '';
    expect(architecture).toContain('| ui-not-to-db | forbidden | `src/ui/**` may not import `src/db/**` |');
    expect(architecture).not.toContain('the layers before it in the order above');
    const [migration] = planned.layers.migrations ?? [];
    expect(migration).toMatchObject({ source: 'dependency-cruiser', file: '.dependency-cruiser.cjs' });
    expect(migration?.unmapped.map((u) => `${u.rule}: ${u.reason}`)).toEqual([
      'no-circular: `to.circular`: cycle detection is not a contract',
      'no-orphans: `from.orphan`: orphan detection is not a contract',
      'not-to-dev-dep: to.dependencyTypes `npm-dev`: rules about npm packages or Node built-ins are not contracts (`layers.packages` restricts npm packages by layer)',
      'not-to-unresolvable: `to.couldNotResolve`: unresolvable imports are `layers/unresolved`, always on',
      'no-inter-feature: to.pathNot `^src/features/$1/` uses a group matched in `from` ($1): harness has no per-match rule; if the folders under src/features/ may not import each other, write a `type: independent` contract with `modules: ["src/features/*"]`',
      'not-to-legacy: its `to` matches no source file in this repository',
    ]);
    expect(planned.layers.explanation[0]).toBe(
      'From .dependency-cruiser.cjs (dependency-cruiser): 4 of 10 rules carried over as layers.contracts (not-to-test, not-to-spec, ui-not-to-db, db-not-up).',
    );
  });

  it('the written contracts are checked by the layers check: the ui → db import is recorded in the baseline', async () => {
    const root = fixtureRepo('cruised');
    const result = await applyInit(await plan(root, 'dependency-cruiser'));
    expect(result.check?.ok).toBe(true);
    const baseline = readFileSync(join(root, '.harness/baseline/layers.json'), 'utf8');
    expect(baseline).toContain('src/ui/view.ts');
    expect(baseline).toContain('layers/contract');
  });

  it('--from dependency-cruiser without a config, or a config that throws, stops with a HarnessError naming the file', async () => {
    await expect(plan(fixtureRepo('eslint-zones'), 'dependency-cruiser')).rejects.toThrow(
      '--from dependency-cruiser: none of .dependency-cruiser.js, .dependency-cruiser.cjs, .dependency-cruiser.mjs, .dependency-cruiser.json is at the repository root',
    );
    const root = fixtureRepo('cruised');
    writeFileSync(join(root, '.dependency-cruiser.cjs'), "throw new Error('no config today');\n");
    const error = await plan(root, 'dependency-cruiser').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({
      code: 'CONFIG_PARSE',
      place: { file: '.dependency-cruiser.cjs' },
      message: 'cannot load .dependency-cruiser.cjs to read its dependency-cruiser rules: no config today',
    });
    // Found on its own, the broken config is a line in the plan, not a stop.
    const planned = await plan(root);
    expect(planned.layers.explanation).toContain(
      'cannot load .dependency-cruiser.cjs to read its dependency-cruiser rules: no config today: its rules are not carried over (--from stops on this error)',
    );
  });

  it('with a harness.config.yaml already there, the plan shows what it found and writes no contract', async () => {
    const root = fixtureRepo('cruised');
    writeFileSync(join(root, 'harness.config.yaml'), 'version: 1\n');
    const planned = await plan(root);
    expect(planned.layers.mode).toBe('existing');
    expect(planned.layers.explanation[1]).toBe(
      '4 contracts from .dependency-cruiser.cjs not written (--force replaces the config with the proposal; --dry-run --force shows it):',
    );
    expect(planned.layers.migrations?.[0]?.contracts).toHaveLength(4);
    expect(planned.files.find((f) => f.path === 'harness.config.yaml')?.action).toBe('keep');
  });

  it('rejects an unknown --from', async () => {
    await expect(plan(fixtureRepo('cruised'), 'madge')).rejects.toThrow('--from madge is not a tool init reads');
  });
});

describe('from import/no-restricted-paths (an excerpt of vscode-copilot-chat)', () => {
  it('each zone becomes one forbidden contract; ignores and a later `off` are except edges; nothing is dropped silently', async () => {
    const planned = await plan(fixtureRepo('eslint-zones'), 'eslint-plugin-import');
    const skip = [{ from: ['**/.esbuild.ts'] }, { from: ['src/lib/node/chatLibMain.ts'] }];
    expect(proposedContracts(planned)).toEqual([
      {
        name: 'restricted-paths-1',
        type: 'forbidden',
        from: ['**/common/**'],
        to: ['**/vscode/**', '**/node/**', '**/vscode-node/**'],
        except: skip,
      },
      { name: 'restricted-paths-2', type: 'forbidden', from: ['src'], to: ['test'], except: skip },
      {
        name: 'restricted-paths-3',
        type: 'forbidden',
        from: ['src/util'],
        to: ['src/platform', 'src/extension'],
        except: skip,
      },
      {
        name: 'restricted-paths-4',
        type: 'forbidden',
        from: ['test'],
        to: ['**/vscode-node/**'],
        except: [{ from: ['test/base/extHostContext/*.ts'] }, ...skip],
      },
      { name: 'restricted-paths-5', type: 'forbidden', from: ['src/!(lib)/**'], to: ['src/lib'], except: skip },
    ]);
    const [migration] = planned.layers.migrations ?? [];
    expect(migration?.unmapped).toEqual([]);
    expect(migration?.notes).toEqual([
      'import/no-restricted-paths applies in ESLint to src/**/*.{ts,tsx}, test/**/*.{ts,tsx}; a contract judges every source file the layers check reads',
      'restricted-paths-4: to `**/vscode-worker/**` matches no source file today; left out',
    ]);
    // The layers check accepts every carried-over glob (none matches nothing) and runs the contracts.
    const applied = await applyInit(planned);
    expect(applied.check?.ok).toBe(true);
    expect(applied.check?.checks.find((c) => c.name === 'layers')).toMatchObject({ name: 'layers' });
    expect(applied.check?.checks.find((c) => c.name === 'layers')?.skipped).toBeUndefined();
  });

  it('an ESLint config whose plugin is not installed: --from stops and names the file', async () => {
    const root = fixtureRepo('eslint-zones');
    writeFileSync(
      join(root, 'eslint.config.mjs'),
      "import boundaries from 'eslint-plugin-boundaries';\nexport default [{ plugins: { boundaries } }];\n",
    );
    const error = await plan(root, 'eslint-plugin-boundaries').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_PARSE', place: { file: 'eslint.config.mjs' } });
    expect((error as Error).message).toMatch(
      /^cannot load eslint\.config\.mjs to read its eslint-plugin-boundaries rules: Cannot find package 'eslint-plugin-boundaries'/,
    );
  });
});

describe('from eslint-plugin-boundaries', () => {
  it('found on its own in eslint.config.mjs: element types and default: disallow become a layers contract with an allow DAG', async () => {
    const root = fixtureRepo('cruised');
    rmSync(join(root, '.dependency-cruiser.cjs'));
    writeFileSync(
      join(root, 'eslint.config.mjs'),
      `export default [{
  settings: { 'boundaries/elements': [{ type: 'db', pattern: 'src/db' }, { type: 'api', pattern: 'src/api' }, { type: 'ui', pattern: 'src/ui' }] },
  rules: { 'boundaries/element-types': [2, { default: 'disallow', rules: [{ from: 'api', allow: ['db'] }, { from: 'ui', allow: ['api'] }] }] },
}];\n`,
    );
    const planned = await plan(root);
    expect(planned.layers.mode).toBe('contracts');
    expect(proposedContracts(planned)).toEqual([
      {
        name: 'boundaries',
        type: 'layers',
        layers: { db: ['**/src/db'], api: ['**/src/api'], ui: ['**/src/ui'] },
        allow: { api: ['db'], ui: ['api'] },
        except: [],
      },
    ]);
    expect(planned.layers.explanation[0]).toBe(
      'From eslint.config.mjs (eslint-plugin-boundaries): 1 of 1 rule carried over as layers.contracts (boundaries).',
    );
  });
});

function harness(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

describe('harness init --from (the built bin)', () => {
  it('--dry-run shows the contracts and the rules it could not carry over, and writes nothing', async () => {
    const root = fixtureRepo('cruised');
    const before = snapshotTree(root);
    const result = await harness(['init', '--from', 'dependency-cruiser', '--dry-run'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Layers (contracts from your existing rules)');
    expect(result.stdout).toContain(
      '  From .dependency-cruiser.cjs (dependency-cruiser): 4 of 10 rules carried over as layers.contracts (not-to-test, not-to-spec, ui-not-to-db, db-not-up).',
    );
    expect(result.stdout).toContain(
      '  Not carried over:\n    - no-circular: `to.circular`: cycle detection is not a contract\n',
    );
    expect(result.stdout).toContain(
      '    - no-inter-feature: to.pathNot `^src/features/$1/` uses a group matched in `from` ($1): harness has no per-match rule; if the folders',
    );
    expect(snapshotTree(root)).toEqual(before);
    const json = await harness(['init', '--from', 'dependency-cruiser', '--dry-run', '--format', 'json'], root);
    const document = JSON.parse(json.stdout) as {
      layers: { migrations: { contracts: string[]; unmapped: unknown[] }[] };
    };
    expect(document.layers.migrations[0]?.contracts).toEqual([
      'not-to-test',
      'not-to-spec',
      'ui-not-to-db',
      'db-not-up',
    ]);
    expect(document.layers.migrations[0]?.unmapped).toHaveLength(6);
  });

  it('an unknown --from exits 2 with the tools it reads', async () => {
    const result = await harness(['init', '--from', 'madge', '--dry-run'], fixtureRepo('cruised'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error USAGE: --from madge is not a tool init reads');
  });
});
