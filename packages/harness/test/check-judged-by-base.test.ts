// Judged by the base (docs/guard.md): with a base, the checks run with the base's harness.config.yaml
// and the base's baselines bound the change's. Real git histories: the base is committed on `main`,
// the change on the branch `pr`; the library entry runs in-process, the built bin end to end.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { RepoFiles as Files } from '../../../test-support/git-history.js';
import { createGitHistory } from '../../../test-support/git-history.js';
import type { CheckApiOptions } from '../src/check-api.js';
import { check } from '../src/check-api.js';

const bin = fileURLToPath(new URL('../bin/harness.js', import.meta.url));

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
  'src/ui/b.ts': 'export const b = 1;\n',
  'src/core/a.ts': 'export const a = 1;\n',
};

/** A repository whose `main` holds `baseFiles`, checked out on `pr` with `change` committed; removed after the test. */
function history(baseFiles: Files, change: Files): string {
  // The layers cache is no part of the history.
  const repo = createGitHistory({ ...baseFiles, '.gitignore': '.harness/cache/\n' }, change, {
    prefix: 'harness-judged-',
  });
  onTestFinished(repo.remove);
  return repo.root;
}

/** Lands the change on `main` and checks it out: the default branch's tip has no base to judge by. */
function land(root: string): string {
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: root });
  execFileSync('git', ['merge', '-q', '--ff-only', 'pr'], { cwd: root });
  return root;
}

async function run(root: string, more: CheckApiOptions = {}): Promise<{ document: ResultDocument; notes: string[] }> {
  const notes: string[] = [];
  const document = await check({ cwd: root, env: {}, onNote: (n) => notes.push(n), ...more });
  return { document, notes };
}

const rules = (document: ResultDocument): string[] => document.diagnostics.map((d) => `${d.rule} ${d.file}`);

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

describe('a change is judged by the base config', () => {
  const loosened = {
    'harness.config.yaml': `${config}rules:\n  layers/forward-only: "off"\n`,
    'src/core/a.ts': backward,
  };

  it('still fails on a rule the change turned off (the built bin)', async () => {
    const root = history(base, loosened);
    const judged = await harness(['check', '--base', 'main', '--format', 'json'], root);
    expect(judged.code).toBe(1);
    const document = JSON.parse(judged.stdout) as ResultDocument;
    expect(rules(document)).toContain('layers/forward-only src/core/a.ts');
    // The guard reports the loosening itself.
    expect(rules(document)).toContain('guard/loosened harness.config.yaml');
    expect(judged.stderr).toContain('this change edits harness.config.yaml; the checks judge by the one on main (');
    // The same change with no base to judge by (committed onto main itself) passes its own config.
    const own = await harness(['check', '--format', 'json'], land(root));
    expect(own.code).toBe(0);
  });

  it("acts on the change's own config with --update-baseline, and says so", async () => {
    const root = history(base, loosened);
    const { document, notes } = await run(root, { base: 'main', updateBaseline: true });
    expect(rules(document)).not.toContain('layers/forward-only src/core/a.ts');
    expect(notes.join('\n')).toContain('--fix and --update-baseline act on this change');
  });

  it("judges by the change's own config when the base has none, and says so", async () => {
    const root = history(
      { 'src/ui/b.ts': base['src/ui/b.ts'], 'src/core/a.ts': backward },
      { 'harness.config.yaml': `${config}rules:\n  layers/forward-only: "off"\n` },
    );
    const { document, notes } = await run(root, { base: 'main' });
    expect(document.ok).toBe(true);
    expect(document.checks.find((c) => c.name === 'guard')?.skipped).toMatch(
      /^no harness\.config\.yaml on main .*this change adds harness/,
    );
    expect(notes.join('\n')).toMatch(
      /no harness\.config\.yaml on main \([0-9a-f]{7}\): the checks judge by this change's own harness\.config\.yaml/,
    );
  });

  it("judges by the change's own config when the base's is not valid, and says why", async () => {
    const root = history(
      { ...base, 'harness.config.yaml': 'version: 1\nlayers:\n  ordr: []\n' },
      { 'harness.config.yaml': config },
    );
    const { document, notes } = await run(root, { base: 'main' });
    expect(document.checks.find((c) => c.name === 'layers')?.skipped).toBeUndefined();
    expect(notes.join('\n')).toMatch(
      /harness\.config\.yaml on main \([0-9a-f]{7}\) is not valid \(harness\.config\.yaml:3 layers\.ordr/,
    );
  });
});

describe('baselines judged by the base', () => {
  const violating = { ...base, 'src/core/a.ts': backward };
  const baselineOf = async (files: Files): Promise<string> => {
    const root = history(files, {});
    await run(root, { updateBaseline: true });
    return readFileSync(join(root, '.harness/baseline/layers.json'), 'utf8');
  };

  it('accepts nothing the change added to the baseline by hand', async () => {
    const grown = await baselineOf({ ...violating, 'src/core/c.ts': backward });
    const root = history(
      { ...violating, '.harness/baseline/layers.json': await baselineOf(violating) },
      {
        'src/core/c.ts': backward,
        '.harness/baseline/layers.json': grown,
      },
    );
    const { document } = await run(root, { base: 'main' });
    // The layers check still fails on it, and the guard reports the grown baseline.
    expect(rules(document).sort()).toEqual([
      'guard/loosened .harness/baseline/layers.json',
      'layers/forward-only src/core/c.ts',
    ]);
    // Without a base, the hand-grown baseline accepts it.
    expect((await run(land(root))).document.ok).toBe(true);
  });

  it('passes a change that fixes a violation, with or without removing its entry, and reports nothing stale', async () => {
    const baseline = await baselineOf(violating);
    const empty = await baselineOf(base);
    const files = { ...violating, '.harness/baseline/layers.json': baseline };
    const removed = history(files, { 'src/core/a.ts': base['src/core/a.ts'], '.harness/baseline/layers.json': empty });
    expect((await run(removed, { base: 'main' })).document).toMatchObject({ ok: true, diagnostics: [] });
    const kept = history(files, { 'src/core/a.ts': base['src/core/a.ts'] });
    expect((await run(kept, { base: 'main' })).document).toMatchObject({ ok: true, diagnostics: [] });
    // Without a base, the entry left behind is stale.
    expect(rules((await run(land(kept))).document)).toEqual(['layers/stale-baseline .harness/baseline/layers.json']);
  });
});

describe('a base glob that matches nothing in the change', () => {
  it("is a guard finding at the glob's line, exit 1 and not 2", async () => {
    const root = history(base, { 'src/ui/b.ts': null });
    const { document } = await run(root, { base: 'main' });
    expect(document.ok).toBe(false);
    const found = document.diagnostics.find(
      (d) => d.rule === 'guard/loosened' && d.file === 'harness.config.yaml' && d.line === 6,
    );
    // Reported through the guard, so a code owner's approval accepts it like any loosening.
    expect(found?.fix).toContain('code owner of harness.config.yaml');
    expect(found?.message).toMatch(
      /^layers\.paths\.ui\[0\]: "src\/ui\/\*\*" from main \([0-9a-f]{7}\) matches no file in this change/,
    );
    // Without a base, the change's own config names a folder that is gone: a config error.
    await expect(run(land(root))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
