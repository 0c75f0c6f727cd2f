// `harness init` adds the pre-push hook through the repository's hook manager, or says it adds none.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyInit, planInit, prepareInit } from '../src/index.js';
import { fixtureRepo, removeFixtureRepos } from './fixture-repo.js';

afterAll(removeFixtureRepos);

async function plan(root: string) {
  const inspection = await prepareInit({ cwd: root, force: false });
  return planInit(inspection, { harnessVersion: '0.1.0', today: '2026-12-05', choices: { baselines: false } });
}

describe('init and git hooks', () => {
  it('husky: writes .husky/pre-push with harness check --changed; a second run leaves it', async () => {
    const root = fixtureRepo('shop');
    mkdirSync(join(root, '.husky'));
    writeFileSync(join(root, '.husky/pre-commit'), 'npm test\n');
    execFileSync('git', ['add', '-A'], { cwd: root });
    const first = await plan(root);
    expect(first.files.find((f) => f.path === '.husky/pre-push')).toMatchObject({ action: 'create' });
    expect(first.notes.join('\n')).toContain('pre-push hook (husky)');
    await applyInit(first);
    expect(readFileSync(join(root, '.husky/pre-push'), 'utf8')).toBe('npx --no -- harness check --changed\n');
    const second = await plan(root);
    expect(second.files.find((f) => f.path === '.husky/pre-push')).toMatchObject({ action: 'unchanged' });
  });

  it('no hook manager: no hook file, and the plan says so', async () => {
    const planned = await plan(fixtureRepo('shop'));
    expect(planned.files.some((f) => f.path.includes('pre-push') || f.path.startsWith('.git/'))).toBe(false);
    expect(planned.notes).toContainEqual(expect.stringContaining('No pre-push hook: no hook manager found'));
  });
});
