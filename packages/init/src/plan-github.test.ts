import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planCodeowners, renderFactoryTurnWorkflow, renderRuleset, renderWorkflow } from './plan-github.js';
import type { RepoFacts } from './repo-facts.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Step {
  name?: string;
  env?: Record<string, string>;
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
      {
        name: 'harness check',
        uses: 'agent-harness/agent-harness@v1',
        env: { GITHUB_TOKEN: '${{ github.token }}' },
        with: { 'upload-sarif': true },
      },
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

describe('renderFactoryTurnWorkflow (factory.mode: dispatch)', () => {
  it("installs the way the repository does, builds when needed, then runs the repository's harness factory turn", async () => {
    const repo = facts(core({ exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } }));
    const workflow = parse(await renderFactoryTurnWorkflow(repo)) as {
      on: { workflow_dispatch: { inputs: Record<string, { required: boolean }> } };
      permissions: Record<string, string>;
      jobs: { turn: { steps: Step[] } };
    };
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['issue', 'attempt', 'lease']);
    expect(workflow.permissions).toEqual({ contents: 'write', issues: 'read' });
    const all = workflow.jobs.turn.steps;
    expect(all.some((s) => s.uses === 'pnpm/action-setup@v4')).toBe(true);
    const install = all.findIndex((s) => s.run === 'pnpm i --frozen-lockfile');
    const build = all.findIndex((s) => s.name === 'build the workspace packages');
    const turn = all.findIndex((s) => s.name === 'harness factory turn');
    expect([install > -1, build > install, turn > build]).toEqual([true, true, true]);
    expect(all[turn]?.run).toBe(
      'pnpm exec harness factory turn --issue "$ISSUE" --attempt "$ATTEMPT" --lease "$LEASE"',
    );
    // The inputs reach the script through the environment, never pasted into it.
    expect(all[turn]?.env).toMatchObject({ ISSUE: '${{ inputs.issue }}', LEASE: '${{ inputs.lease }}' });
  });
});

describe('the guard in the workflow and the ruleset', () => {
  it('runs again when a review is submitted, with the history and a token that reads reviews', async () => {
    const workflow = parse(await renderWorkflow(facts(core({ main: 'src/index.ts' })))) as {
      on: Record<string, unknown>;
      jobs: { harness: { permissions: Record<string, string>; steps: Step[] } };
    };
    expect(workflow.on.pull_request_review).toEqual({ types: ['submitted'] });
    expect(workflow.jobs.harness.permissions['pull-requests']).toBe('read');
    expect(workflow.jobs.harness.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
  });

  it('requires code owner review and the harness check on the default branch', async () => {
    const ruleset = JSON.parse((await renderRuleset(facts({}))) ?? '{}') as {
      conditions: { ref_name: { include: string[] } };
      rules: { type: string; parameters?: Record<string, unknown> }[];
    };
    expect(ruleset.conditions.ref_name.include).toEqual(['~DEFAULT_BRANCH']);
    const rule = (type: string) => ruleset.rules.find((r) => r.type === type)?.parameters;
    expect(rule('pull_request')?.require_code_owner_review).toBe(true);
    expect(rule('required_status_checks')?.required_status_checks).toEqual([{ context: 'harness' }]);
  });
});

describe('planCodeowners', () => {
  const owner = { owner: '@octocat', source: 'option' } as const;
  const guardrails = (self: string, who = '@octocat') =>
    [
      '/harness.config.yaml',
      '/.harness/baseline/',
      '/.github/rulesets/',
      '/.github/workflows/',
      `/${self}`,
      '/.codex/config.toml',
      '/WORKFLOW.md',
    ].map((p) => `${p} ${who}`);
  const entriesOf = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

  it('writes .github/CODEOWNERS naming the owner of every guardrail file', async () => {
    const plan = await planCodeowners(facts({}).root, owner, false);
    expect(plan.files).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.desired).toHaveLength(1);
    expect(plan.desired[0]?.path).toBe('.github/CODEOWNERS');
    expect(entriesOf(plan.desired[0]?.content ?? '')).toEqual(guardrails('.github/CODEOWNERS'));
  });

  it('appends to an existing CODEOWNERS, keeping its entries, and names that file as a guardrail', async () => {
    const own = '# ours\n* @team-a\n/src/ @team-b\n';
    const plan = await planCodeowners(facts({ CODEOWNERS: own }).root, owner, false);
    expect(plan.desired).toEqual([]);
    expect(plan.files).toEqual([
      expect.objectContaining({
        path: 'CODEOWNERS',
        action: 'update',
        reason: expect.stringContaining('your entries are kept'),
      }),
    ]);
    const content = plan.files[0]?.content ?? '';
    expect(content.startsWith(`${own}\n`)).toBe(true);
    expect(entriesOf(content)).toEqual(['* @team-a', '/src/ @team-b', ...guardrails('CODEOWNERS')]);
  });

  it('keeps the entries init wrote before; --force replaces only those', async () => {
    const first = await planCodeowners(facts({}).root, owner, false);
    const written = `* @team-a\n\n${first.desired[0]?.content ?? ''}`;
    const root = facts({ '.github/CODEOWNERS': written }).root;
    expect((await planCodeowners(root, owner, false)).files).toEqual([
      { path: '.github/CODEOWNERS', action: 'unchanged', reason: 'already as init writes it' },
    ]);
    const other = { owner: '@octo-org/platform', source: 'option' } as const;
    expect((await planCodeowners(root, other, false)).files[0]?.action).toBe('keep');
    const forced = (await planCodeowners(root, other, true)).files[0];
    expect(forced?.action).toBe('update');
    expect(entriesOf(forced?.content ?? '')).toEqual([
      '* @team-a',
      ...guardrails('.github/CODEOWNERS', '@octo-org/platform'),
    ]);
  });

  it('writes a placeholder and says how to replace it when no owner is known', async () => {
    const plan = await planCodeowners(
      facts({}).root,
      { owner: '@OWNER', source: 'placeholder', why: 'no --owner given' },
      false,
    );
    expect(entriesOf(plan.desired[0]?.content ?? '')).toEqual(guardrails('.github/CODEOWNERS', '@OWNER'));
    expect(plan.notes).toEqual([
      'CODEOWNERS names @OWNER as the owner of the guardrail files (no --owner given): replace it with a user or team ' +
        '(`@name`, `@org/team`) in .github/CODEOWNERS, or run init again with --owner @name. Until then no review can accept a change that loosens a guardrail.',
    ]);
  });
});

describe('planCodeowners after a placeholder', () => {
  it('puts the owner given later in place of @OWNER without --force (nothing else of init is replaced)', async () => {
    const placeholder = await planCodeowners(facts({}).root, { owner: '@OWNER', source: 'placeholder' }, false);
    const root = facts({ '.github/CODEOWNERS': `* @team-a\n${placeholder.desired[0]?.content ?? ''}` }).root;
    const planned = (await planCodeowners(root, { owner: '@octocat', source: 'option' }, false)).files[0];
    expect(planned?.action).toBe('update');
    expect(planned?.content).toContain('/harness.config.yaml @octocat\n');
    expect(planned?.content).not.toContain('@OWNER');
    expect(planned?.content?.startsWith('* @team-a\n')).toBe(true);
  });
});
