// Judged by the base, unless a code owner accepted the change's loosenings (docs/guard.md, "Judged by
// the base"): the change's harness.config.yaml judges when the guard finds no open loosening in it
// (every one approved, or it only tightens), and a baseline whose growth was approved applies as the
// change wrote it. Real git histories (`main`, then the change on `pr`), the GitHub stand-in for reviews.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultDocument } from 'agent-harness-diagnostics';
import type { GithubStandin } from 'agent-harness-github-standin';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { RepoFiles as Files } from '../../../test-support/git-history.js';
import { createGitHistory } from '../../../test-support/git-history.js';
import type { StandinEnv } from '../../../test-support/standin-reviews.js';
import { closeReviewStandin, openPullRequest, startReviewStandin } from '../../../test-support/standin-reviews.js';
import { check } from '../src/check-api.js';

const config = `version: 1
layers:
  order: [core, ui]
  paths:
    core: ["src/core/**"]
    ui: ["src/ui/**"]
`;
const backward = "import { b } from '../ui/b.js';\nexport const a = b;\n";
const base = {
  'harness.config.yaml': config,
  '.github/CODEOWNERS': '/harness.config.yaml @lead\n/.harness/ @lead\n',
  'src/ui/b.ts': 'export const b = 1;\n',
  'src/core/a.ts': 'export const a = 1;\n',
};
let standin: GithubStandin;

beforeEach(async () => {
  standin = await startReviewStandin();
});

afterEach(async () => {
  await closeReviewStandin(standin);
});

/** A repository whose `main` holds `baseFiles`, checked out on `pr` with `change` committed; removed after the test. */
function history(baseFiles: Files, change: Files): string {
  const repo = createGitHistory({ ...baseFiles, '.gitignore': '.harness/cache/\n' }, change, {
    prefix: 'harness-accepted-',
  });
  onTestFinished(repo.remove);
  return repo.root;
}

/** The pull request of `pr` on the stand-in, reviewed by `approvers` at its head; the env a workflow run sets. */
function pullRequest(root: string, approvers: readonly string[]): StandinEnv {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const pull = openPullRequest(standin, { branch: 'pr', head, eventDir: join(root, '.git') });
  for (const user of approvers) pull.review(user);
  return pull.env();
}

async function run(root: string, env: StandinEnv): Promise<{ document: ResultDocument; notes: string }> {
  const notes: string[] = [];
  const document = await check({ cwd: root, base: 'main', env, onNote: (n) => notes.push(n) });
  return { document, notes: notes.join('\n') };
}

const rules = (document: ResultDocument): string[] =>
  document.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.file}`).sort();

describe("the change's config judges when the guard finds no open loosening in it", () => {
  const turnedOff = {
    'harness.config.yaml': `${config}rules:\n  layers/forward-only: "off"\n`,
    'src/core/a.ts': backward,
  };

  it('a rule turned off with a code owner approval at the head: passes, and the note names the approver', async () => {
    const root = history(base, turnedOff);
    const { document, notes } = await run(root, pullRequest(root, ['lead']));
    expect(rules(document)).toEqual([]);
    expect(document.ok).toBe(true);
    expect(notes).toContain("the change's harness.config.yaml judges: its loosenings were approved by @lead");
    expect(notes).not.toContain('the checks judge by the one on main');
    // Decided from the guard's one run: the reviews were read once.
    expect(standin.requests.filter((r) => r.path.endsWith('/reviews'))).toHaveLength(1);
  });

  it('the same without an owner approval: fails on that rule and on the guard finding', async () => {
    const root = history(base, turnedOff);
    const { document, notes } = await run(root, pullRequest(root, ['peer']));
    expect(rules(document)).toEqual([
      'error guard/loosened harness.config.yaml',
      'error layers/forward-only src/core/a.ts',
    ]);
    expect(notes).toContain('the checks judge by the one on main');
  });

  it('a config that only tightens (warn → error) judges: its tightened rule fails the change', async () => {
    const warned = { ...base, 'harness.config.yaml': `${config}rules:\n  layers/forward-only: warn\n` };
    const root = history(warned, {
      'harness.config.yaml': `${config}rules:\n  layers/forward-only: error\n`,
      'src/core/a.ts': backward,
    });
    // No loosening, so no token and no review are needed.
    const { document, notes } = await run(root, {});
    expect(rules(document)).toEqual(['error layers/forward-only src/core/a.ts']);
    expect(notes).toContain("the change's harness.config.yaml judges: it only tightens");
    expect(standin.requests).toEqual([]);
  });
});

describe("the change's own config, judging", () => {
  it('is its own config error (exit 2) when a glob of it matches nothing, as without a base', async () => {
    const added = config.replace('["src/core/**"]', '["src/core/**", "src/gone/**"]');
    const root = history(base, { 'harness.config.yaml': added });
    await expect(run(root, {})).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('src/gone/**'),
    });
  });
});

describe('a baseline judges as the change wrote it when a code owner accepted its growth', () => {
  const baselineOf = async (files: Files): Promise<string> => {
    const root = history(files, {});
    await check({ cwd: root, env: {}, updateBaseline: true });
    return readFileSync(join(root, '.harness/baseline/layers.json'), 'utf8');
  };
  const violating = { ...base, 'src/core/a.ts': backward };

  async function grownBaseline(): Promise<string> {
    const grown = await baselineOf({ ...violating, 'src/core/c.ts': backward });
    return history(
      { ...violating, '.harness/baseline/layers.json': await baselineOf(violating) },
      { 'src/core/c.ts': backward, '.harness/baseline/layers.json': grown },
    );
  }

  it('approved growth: passes, with the acceptance as a note', async () => {
    const root = await grownBaseline();
    const { document, notes } = await run(root, pullRequest(root, ['lead']));
    expect(rules(document)).toEqual([]);
    expect(notes).toContain('accepted: .harness/baseline/layers.json: added layers/forward-only in src/core/c.ts');
  });

  it('unapproved growth: the added entry accepts nothing, as before', async () => {
    const root = await grownBaseline();
    const { document } = await run(root, pullRequest(root, []));
    expect(rules(document)).toEqual([
      'error guard/loosened .harness/baseline/layers.json',
      'error layers/forward-only src/core/c.ts',
    ]);
  });
});
