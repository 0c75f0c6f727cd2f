import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCodeowners } from './compare-codeowners.js';
import type { GuardInput } from './guard-types.js';
import { commitSnapshot, workTreeSnapshot } from './snapshots.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function write(root: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(root, path));
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
}

/** A repository whose first commit is the base; `change` is then made in the working tree, as a PR would. */
async function compare(base: Record<string, string>, change: Record<string, string | null>) {
  const root = mkdtempSync(join(tmpdir(), 'guard-codeowners-'));
  dirs.push(root);
  git(root, 'init', '-q', '-b', 'main');
  write(root, { 'harness.config.yaml': 'version: 1\n', '.github/workflows/harness.yml': 'name: harness\n', ...base });
  git(root, 'add', '-A');
  git(root, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
  write(root, change);
  const commit = git(root, 'rev-parse', 'HEAD');
  const status = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
  });
  const changed = status
    .split('\0')
    .filter(Boolean)
    .map((l) => l.slice(3));
  const input: GuardInput = {
    root,
    baseRef: 'main',
    baseCommit: commit,
    base: commitSnapshot(root, commit, 'main'),
    head: workTreeSnapshot(root),
    changedFiles: changed,
    baseConfig: undefined,
    headConfig: undefined,
  };
  return compareCodeowners(input);
}

const owners = ['* @everyone', 'harness.config.yaml @guard-team', '/.github/ @acme/platform', ''].join('\n');

describe('compareCodeowners', () => {
  it('reports an owner put in place of the base owner of a guardrail file, at the deciding line', async () => {
    const found = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': owners.replace('harness.config.yaml @guard-team', 'harness.config.yaml @me') },
    );
    expect(found).toEqual([
      {
        surface: 'codeowners',
        file: '.github/CODEOWNERS',
        line: 2,
        what: 'CODEOWNERS: owners @guard-team → @me for harness.config.yaml',
      },
    ]);
  });

  it('reports an owner added beside the base owners, once for all the files it covers', async () => {
    const found = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': owners.replace('@acme/platform', '@acme/platform @me') },
    );
    expect(found.map((l) => l.what)).toEqual([
      'CODEOWNERS: owners @acme/platform → @acme/platform @me for .github/CODEOWNERS and 2 more guardrail files',
    ]);
  });

  it('reports a guardrail file left without an owner, and a deleted CODEOWNERS at the base line', async () => {
    const unowned = await compare(
      { '.github/CODEOWNERS': owners },
      { '.github/CODEOWNERS': `${owners}harness.config.yaml\n` },
    );
    expect(unowned).toEqual([
      {
        surface: 'codeowners',
        file: '.github/CODEOWNERS',
        line: 4,
        what: 'CODEOWNERS: no owner any more (was @guard-team) for harness.config.yaml',
      },
    ]);
    const deleted = await compare({ '.github/CODEOWNERS': owners }, { '.github/CODEOWNERS': null });
    expect(deleted.find((l) => l.what.endsWith('for harness.config.yaml'))).toEqual({
      surface: 'codeowners',
      file: '.github/CODEOWNERS',
      line: 2,
      what: 'CODEOWNERS: no owner any more (was @guard-team) for harness.config.yaml',
    });
  });

  it('sees a CODEOWNERS that takes precedence (.github/ before the root)', async () => {
    const found = await compare({ CODEOWNERS: owners }, { '.github/CODEOWNERS': '* @me\n' });
    expect(found.map((l) => l.file)).toContain('.github/CODEOWNERS');
    expect(found.some((l) => l.what.startsWith('CODEOWNERS: owners @guard-team → @me'))).toBe(true);
  });

  it.each([
    ['an owner removed beside another', owners.replace('@acme/platform', '@acme/platform @x'), owners],
    ['unrelated paths', owners, `${owners}src/ @me\n`],
    ['owners written in another case', owners, owners.replace('@guard-team', '@Guard-Team')],
    ['a comment', owners, `# who owns what\n${owners}`],
  ])('gives nothing for %s', async (_what, before, after) => {
    expect(await compare({ '.github/CODEOWNERS': before }, { '.github/CODEOWNERS': after })).toEqual([]);
  });

  it('gives nothing when the base has no CODEOWNERS (nothing to widen) or it is untouched', async () => {
    expect(await compare({}, { '.github/CODEOWNERS': '* @me\n' })).toEqual([]);
    expect(await compare({ '.github/CODEOWNERS': owners }, { 'harness.config.yaml': 'version: 1\n#\n' })).toEqual([]);
  });
});
