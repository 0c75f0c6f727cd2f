// End to end: `harness check guard` through the built bin on temp git histories (docs/guard.md).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuardRepo, RepoFiles } from './guard-repo.fixture.js';
import { createFeatureRepo, createGuardRepo } from './guard-repo.fixture.js';

const bin = fileURLToPath(new URL('../../harness/bin/harness.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function harness(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

interface Document {
  ok: boolean;
  checks: { name: string; ok: boolean; skipped?: string }[];
  diagnostics: { rule: string; file: string; line?: number; message: string; fix: string; docs: string }[];
}

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

const config = 'version: 1\nrules:\n  docs/orphan: error\n';

/** `main` holds `base`; the branch `feature` commits `change` on top of it. */
function featureRepo(base: RepoFiles, change: RepoFiles): GuardRepo {
  const repo = createFeatureRepo(base, change);
  repos.push(repo);
  return repo;
}

const guardOf = (doc: Document) => doc.checks.find((c) => c.name === 'guard');

describe('harness check guard', () => {
  it('--base main: a rule turned off is a guard/loosened error at its line, exit 1', async () => {
    const repo = featureRepo(
      { 'harness.config.yaml': config },
      { 'harness.config.yaml': config.replace('error', '"off"') },
    );
    const result = await harness(['check', 'guard', '--base', 'main', '--format', 'json'], repo.root);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as Document;
    expect(guardOf(doc)).toMatchObject({ name: 'guard', ok: false });
    expect(doc.diagnostics).toEqual([
      {
        check: 'guard',
        rule: 'guard/loosened',
        severity: 'error',
        file: 'harness.config.yaml',
        line: 3,
        message: 'rules.docs/orphan: error → off',
        // No CODEOWNERS on the base: nobody may accept it yet (docs/guard.md#accepting-a-loosening).
        fix: expect.stringContaining('No code owner of harness.config.yaml is named in CODEOWNERS on the base branch'),
        docs: 'docs/rules/guard.md#loosened',
      },
    ]);
  });

  it('a bare `harness check` runs the guard against GITHUB_BASE_REF, and a tightening passes', async () => {
    const repo = featureRepo(
      { 'harness.config.yaml': config },
      { 'harness.config.yaml': `${config}  docs/stale: error\n` },
    );
    repo.git('checkout', '-q', '-b', 'pr', 'feature');
    const result = await harness(['check', '--format', 'json'], repo.root, { GITHUB_BASE_REF: 'main' });
    expect(result.code).toBe(0);
    expect(guardOf(JSON.parse(result.stdout) as Document)).toEqual({
      name: 'guard',
      ok: true,
      durationMs: expect.any(Number),
      files: 1,
    });
  });

  it('an uncommitted baseline entry added by hand is found without --base (the merge base with main)', async () => {
    const baseline = (entries: string) =>
      `{\n  "version": 1,\n  "description": "known",\n  "entries": [${entries}\n  ]\n}\n`;
    const entry = (file: string) => `\n    { "file": "${file}", "rule": "docs/orphan", "target": "" }`;
    const repo = featureRepo(
      { 'harness.config.yaml': 'version: 1\ndocs: {}\n', '.harness/baseline/docs.json': baseline(entry('docs/a.md')) },
      {},
    );
    repo.write({ '.harness/baseline/docs.json': baseline(`${entry('docs/a.md')},${entry('docs/b.md')}`) });
    const result = await harness(['check', 'guard', '--format', 'json'], repo.root);
    const doc = JSON.parse(result.stdout) as Document;
    expect(doc.diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([
      ['.harness/baseline/docs.json', 6, '.harness/baseline/docs.json: added docs/orphan in docs/b.md'],
    ]);
    expect(result.code).toBe(1);
  });

  it('skips with the reason: on the default branch, and when the base has no harness config', async () => {
    const repo = createGuardRepo({ 'harness.config.yaml': config });
    repos.push(repo);
    const onMain = await harness(['check'], repo.root);
    expect(onMain.code).toBe(0);
    expect(onMain.stderr).toContain('guard: skipped (on the default branch: nothing to compare)');

    const adding = featureRepo({ 'README.md': '# x\n' }, { 'harness.config.yaml': config });
    const result = await harness(['check', '--format', 'json'], adding.root);
    expect(result.code).toBe(0);
    expect(guardOf(JSON.parse(result.stdout) as Document)?.skipped).toMatch(
      /^no harness\.config\.yaml on main \([0-9a-f]{7}\): nothing to compare; this change adds harness$/,
    );
  });

  it('a base the clone does not have is exit 2 with the fix', async () => {
    const repo = featureRepo({ 'harness.config.yaml': config }, {});
    const result = await harness(['check', 'guard', '--base', 'origin/nope'], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base origin/nope: origin/nope is not a commit in this repository');
  });
});
