// Baseline growth on a real git history: an entry added by hand is found at its line; removing
// entries (a violation fixed) is not.
import { afterEach, describe, expect, it } from 'vitest';
import { compareBaselines } from '../src/compare-baselines.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { compareWith, createGuardRepo } from './guard-repo.fixture.js';

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

const path = '.harness/baseline/layers.json';
const config = 'version: 1\nlayers: {}\n';
const entry = (file: string) => `{ "file": "${file}", "rule": "layers/forward-only", "target": "src/b.ts" }`;
const baseline = (...files: string[]) =>
  `{\n  "version": 1,\n  "description": "known",\n  "entries": [\n${files.map((f) => `    ${entry(f)}`).join(',\n')}\n  ]\n}\n`;

function repoWith(files: Record<string, string>): GuardRepo {
  const repo = createGuardRepo(files);
  repos.push(repo);
  return repo;
}

describe('compareBaselines on a git history', () => {
  it('an entry added by hand is one loosening at its line', async () => {
    const repo = repoWith({ 'harness.config.yaml': config, [path]: baseline('src/a.ts') });
    repo.commit({ [path]: baseline('src/a.ts', 'src/c.ts') });
    expect(await compareWith(repo.root, compareBaselines)).toEqual([
      {
        surface: 'baseline',
        file: path,
        line: 6,
        what: `${path}: added layers/forward-only in src/c.ts → src/b.ts`,
      },
    ]);
  });

  it('a baseline added where the base ran the check without one', async () => {
    const repo = repoWith({ 'harness.config.yaml': config });
    repo.commit({ [path]: baseline('src/a.ts') });
    expect((await compareWith(repo.root, compareBaselines)).map((l) => l.what)).toEqual([
      expect.stringMatching(
        /: added layers\/forward-only in src\/a\.ts → src\/b\.ts \(HEAD~ \([0-9a-f]{7}\) has no layers baseline\)$/,
      ),
    ]);
  });

  it('entries removed, or the baseline deleted, are no finding', async () => {
    const repo = repoWith({ 'harness.config.yaml': config, [path]: baseline('src/a.ts', 'src/c.ts') });
    repo.commit({ [path]: baseline('src/c.ts') });
    expect(await compareWith(repo.root, compareBaselines)).toEqual([]);
    repo.write({ [path]: null });
    expect(await compareWith(repo.root, compareBaselines)).toEqual([]);
  });
});
