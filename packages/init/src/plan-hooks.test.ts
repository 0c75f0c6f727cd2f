import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PlannedFile } from './init-plan.js';
import { planHooks } from './plan-hooks.js';
import type { RepoFacts } from './repo-facts.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A pnpm repository with these files on disk (and listed as git would list them). */
function facts(files: Record<string, string>): RepoFacts {
  const root = mkdtempSync(join(tmpdir(), 'harness-plan-hooks-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return {
    root,
    name: 'x',
    packageManager: { name: 'pnpm', agent: 'pnpm', source: 'pnpm-lock.yaml' },
    packageJsonText: files['package.json'],
    scripts: {},
    workspacePatterns: [],
    workspaces: [],
    tsconfigs: [],
    files: Object.keys(files),
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

const command = 'pnpm exec harness check --changed';

async function plan(repo: RepoFacts, files: PlannedFile[] = []) {
  const notes = await planHooks(repo, files);
  return { notes, files };
}

describe('planHooks', () => {
  it('husky: creates .husky/pre-push, or appends to the one there', async () => {
    const created = await plan(facts({ '.husky/pre-commit': 'pnpm lint\n' }));
    expect(created.files).toEqual([
      expect.objectContaining({ path: '.husky/pre-push', action: 'create', content: `${command}\n` }),
    ]);
    expect(created.notes.join('\n')).toContain('pre-push hook (husky)');
    const appended = await plan(facts({ '.husky/pre-push': 'pnpm test' }));
    expect(appended.files[0]).toMatchObject({ action: 'update', content: `pnpm test\n${command}\n` });
    const again = await plan(facts({ '.husky/pre-push': `pnpm test\n${command}\n` }));
    expect(again.files[0]).toMatchObject({ action: 'unchanged' });
  });

  it('runs only the installed harness: never a download of the unrelated npm package named harness', async () => {
    for (const [name, expected] of [
      ['npm', 'npx --no -- harness check --changed\n'],
      ['bun', 'bun run harness check --changed\n'],
    ] as const) {
      const repo = { ...facts({ '.husky/pre-commit': 'x\n' }) };
      repo.packageManager = { name, agent: name, source: undefined };
      const { files } = await plan(repo);
      expect(files[0]?.content).toBe(expected);
    }
  });

  it('lefthook: a pre-push command in lefthook.yml, keeping what is there', async () => {
    const yml = '# hooks\npre-commit:\n  commands:\n    lint:\n      run: pnpm lint\n';
    const { files } = await plan(facts({ 'lefthook.yml': yml }));
    expect(files[0]).toMatchObject({ path: 'lefthook.yml', action: 'update' });
    const text = files[0]?.content ?? '';
    expect(text.startsWith('# hooks\n')).toBe(true);
    expect(parse(text)).toEqual({
      'pre-commit': { commands: { lint: { run: 'pnpm lint' } } },
      'pre-push': { commands: { harness: { run: command } } },
    });
  });

  it('simple-git-hooks: the package.json key, on top of the package.json init already changes', async () => {
    const pkg = '{\n    "name": "x",\n    "simple-git-hooks": { "pre-push": "pnpm test" }\n}\n';
    const manifest: PlannedFile = {
      path: 'package.json',
      action: 'update',
      reason: 'devDependencies.agent-harness ^1.0.0',
      content: pkg.replace('"name": "x",', '"name": "x",\n    "devDependencies": { "agent-harness": "^1.0.0" },'),
    };
    const { files, notes } = await plan(facts({ 'package.json': pkg }), [manifest]);
    expect(files).toHaveLength(1);
    const written = JSON.parse(files[0]?.content ?? '') as Record<string, unknown>;
    expect(written).toEqual({
      name: 'x',
      devDependencies: { 'agent-harness': '^1.0.0' },
      'simple-git-hooks': { 'pre-push': `pnpm test && ${command}` },
    });
    expect(files[0]?.content).toContain('\n    "name"');
    expect(files[0]?.reason).toContain('devDependencies.agent-harness');
    expect(notes.join('\n')).toContain('npx simple-git-hooks');
  });

  it('no hook manager: no hook, and the plan says so', async () => {
    const { files, notes } = await plan(facts({ 'package.json': '{}\n' }));
    expect(files).toEqual([]);
    expect(notes).toEqual([expect.stringContaining('No pre-push hook: no hook manager found')]);
  });

  it('a hook file that is a symbolic link is kept', async () => {
    const repo = facts({ '.husky/pre-commit': 'x\n', 'elsewhere.sh': 'echo\n' });
    symlinkSync(join(repo.root, 'elsewhere.sh'), join(repo.root, '.husky/pre-push'));
    const { files } = await plan(repo);
    expect(files[0]).toMatchObject({ path: '.husky/pre-push', action: 'keep' });
    expect(files[0]?.content).toBeUndefined();
  });
});
