import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderWorkflow } from './plan-github.js';
import type { RepoFacts } from './repo-facts.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/**
 * A pnpm monorepo: `app` imports `@x/core`. `files` are written to disk (package.json, tsconfig) and
 * are what git lists; a build folder is never among them, as in a fresh clone.
 */
function facts(files: Record<string, string>, scripts: Record<string, string> = { build: 'turbo build' }): RepoFacts {
  const root = mkdtempSync(join(tmpdir(), 'harness-plan-github-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const paths = Object.keys(files);
  return {
    root,
    name: 'x',
    packageManager: { name: 'pnpm', agent: 'pnpm', source: 'pnpm-lock.yaml' },
    packageJsonText: '{}',
    scripts,
    workspacePatterns: ['packages/*'],
    workspaces: [
      { dir: 'packages/app', name: '@x/app', internalDeps: ['@x/core'] },
      { dir: 'packages/core', name: '@x/core', internalDeps: [] },
    ],
    tsconfigs: paths.filter((p) => /tsconfig[^/]*\.json$/.test(p)),
    files: paths,
    sourceRoots: [],
    agentsMd: undefined,
    claudeMd: false,
    readme: undefined,
    docsFiles: [],
    workflows: [],
    composeFiles: [],
    nodeVersionFile: undefined,
    branch: 'main',
    owner: undefined,
  };
}

const core = (manifest: object) => ({
  'packages/core/package.json': JSON.stringify({ name: '@x/core', ...manifest }),
  'packages/core/src/index.ts': 'export const x = 1;\n',
});

async function steps(repo: RepoFacts): Promise<Step[]> {
  const workflow = parse(await renderWorkflow(repo)) as { jobs: { harness: { steps: Step[] } } };
  return workflow.jobs.harness.steps;
}

describe('renderWorkflow', () => {
  it('runs the checks once, through the action, after installing', async () => {
    const all = await steps(facts(core({ main: 'src/index.ts' })));
    const action = all.filter((s) => s.uses?.startsWith('agent-harness/agent-harness@') === true);
    expect(action).toEqual([
      { name: 'harness check', uses: 'agent-harness/agent-harness@v1', with: { 'upload-sarif': true } },
    ]);
    expect(all.filter((s) => s.run?.includes('harness') === true)).toEqual([]);
    const install = all.findIndex((s) => s.run === 'pnpm i --frozen-lockfile');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(all.indexOf(action[0] as Step));
    expect(all.some((s) => s.name === 'build the workspace packages')).toBe(false);
  });

  it('builds first when an imported workspace package resolves only to build output', async () => {
    const all = await steps(
      facts(core({ exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } })),
    );
    const build = all.findIndex((s) => s.name === 'build the workspace packages');
    expect(all[build]?.run).toBe('pnpm run build');
    expect(build).toBeGreaterThan(all.findIndex((s) => s.run === 'pnpm i --frozen-lockfile'));
    expect(build).toBeLessThan(all.findIndex((s) => s.uses === 'agent-harness/agent-harness@v1'));
  });

  it('builds every workspace package when the root has no build script', async () => {
    const all = await steps(facts(core({ main: './lib/index.js' }), {}));
    expect(all.find((s) => s.name === 'build the workspace packages')?.run).toBe('pnpm -r --if-present run build');
  });

  it.each([
    ['a source condition', core({ exports: { '.': { source: './src/index.ts', import: './dist/index.js' } } })],
    ['a committed entry', { ...core({ main: 'index.js' }), 'packages/core/index.js': 'module.exports = 1;\n' }],
    [
      'a tsconfig outDir that leads back to the sources',
      {
        ...core({ exports: './dist/index.js' }),
        'packages/core/tsconfig.json':
          '{\n  // build\n  "compilerOptions": { "outDir": "dist", "rootDir": "src", },\n}\n',
      },
    ],
    [
      'tsconfig paths for the package name',
      {
        ...core({ main: 'dist/index.js' }),
        'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@x/*': ['packages/*/src'] } } }),
      },
    ],
  ])('does not build when the package resolves through %s', async (_how, files) => {
    const all = await steps(facts(files));
    expect(all.some((s) => s.name === 'build the workspace packages')).toBe(false);
  });
});
