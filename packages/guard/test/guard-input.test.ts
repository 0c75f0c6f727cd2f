import { afterEach, describe, expect, it } from 'vitest';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createGuardRepo, guardInputFor } from './guard-repo.fixture.js';
import { buildGuardInput } from '../src/guard-input.js';

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function repo(files: Record<string, string | null>): GuardRepo {
  const made = createGuardRepo(files);
  repos.push(made);
  return made;
}

describe('buildGuardInput', () => {
  it('lists committed, uncommitted, deleted and untracked changes, and reads both configs', async () => {
    const r = repo({ 'harness.config.yaml': 'version: 1\n', 'a.txt': 'a', 'b.txt': 'b', 'same.txt': 's' });
    r.commit({ 'a.txt': 'a2', 'harness.config.yaml': 'version: 1\ndocs: {}\n' });
    r.write({ 'b.txt': null, 'new.txt': 'n' });
    const input = await guardInputFor(r.root);
    expect(input.changedFiles).toEqual(['a.txt', 'b.txt', 'harness.config.yaml', 'new.txt']);
    expect(input.baseConfig).toEqual({ version: 1 });
    expect(input.headConfig?.docs).toBeDefined();
    expect(input.base.label).toMatch(/^HEAD~ \([0-9a-f]{7}\)$/);
  });

  it('says why a base config is unreadable, and refuses an invalid head config', async () => {
    const r = repo({ 'harness.config.yaml': 'version: 1\nnonsense: true\n' });
    const base = r.git('rev-parse', 'HEAD');
    r.commit({ 'harness.config.yaml': 'version: 1\n' });
    const setup = await buildGuardInput(r.root, { ref: 'main~', commit: base });
    expect(setup.input.baseConfig).toBeUndefined();
    expect(setup.baseConfigProblem).toContain('harness.config.yaml:2');
    r.write({ 'harness.config.yaml': 'version: 1\nlayers: 3\n' });
    await expect(buildGuardInput(r.root, { ref: 'main~', commit: base })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
