// `harness check --changed [REF]`: only the findings in files changed since REF (issue #20).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHistory } from '../../../test-support/git-history.js';
import type { MainRun } from './run-main.js';
import { runMain } from './run-main.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Every doc has a broken link, so each file has a docs/broken-link finding of its own. */
const broken = (name: string) => `# ${name}\n\nSee [the missing page](missing-${name}.md).\n`;

/**
 * main: AGENTS.md links docs a, b, c and keep, each with a broken link. The branch `feature` then
 * changes a (committed), b (staged), c (unstaged) and adds u (untracked); keep is untouched.
 */
function fixture(): string {
  const docs = ['a', 'b', 'c', 'keep'];
  const base = {
    'harness.config.yaml': 'version: 1\ndocs: {}\n',
    'AGENTS.md': `# Map\n\n${docs.map((d) => `- [${d}](docs/${d}.md)`).join('\n')}\n`,
    ...Object.fromEntries(docs.map((d) => [`docs/${d}.md`, broken(d)])),
  };
  const repo = createGitHistory(
    base,
    { 'docs/a.md': `${broken('a')}\nCommitted.\n` },
    { prefix: 'harness-changed-', branch: 'feature' },
  );
  made.push(repo.root);
  repo.write({ 'docs/b.md': `${broken('b')}\nStaged.\n` });
  repo.git('add', 'docs/b.md');
  repo.write({ 'docs/c.md': `${broken('c')}\nUnstaged.\n`, 'docs/u.md': broken('u') });
  return repo.root;
}

const run = runMain;

function docsCheck(result: MainRun): { ok: boolean; skipped?: string } {
  const doc = JSON.parse(result.stdout) as { checks: { name: string; ok: boolean; skipped?: string }[] };
  return doc.checks.find((c) => c.name === 'docs') ?? { ok: false, skipped: 'absent' };
}

function filesOf(result: MainRun): string[] {
  const doc = JSON.parse(result.stdout) as { diagnostics: { file: string }[] };
  return [...new Set(doc.diagnostics.map((d) => d.file))].sort();
}

describe('check --changed', () => {
  let dir = '';
  beforeAll(() => {
    dir = fixture();
  });

  it('without --changed reports every file (the fixture has findings in unchanged files)', async () => {
    const result = await run(['check', '--format', 'json'], dir);
    expect(filesOf(result)).toEqual(['docs/a.md', 'docs/b.md', 'docs/c.md', 'docs/keep.md', 'docs/u.md']);
  });

  it('defaults to the merge base with main: committed, staged, unstaged and untracked files', async () => {
    const result = await run(['check', '--changed', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(filesOf(result)).toEqual(['docs/a.md', 'docs/b.md', 'docs/c.md', 'docs/u.md']);
    expect(result.stderr).toMatch(/--changed: 4 files changed since main/);
    expect(docsCheck(result).ok).toBe(false);
    expect(docsCheck(result).skipped).toBeUndefined();
  });

  it('takes a ref: since HEAD leaves out what is committed', async () => {
    const result = await run(['check', '--format', 'json', '--changed', 'HEAD'], dir);
    expect(filesOf(result)).toEqual(['docs/b.md', 'docs/c.md', 'docs/u.md']);
    const equals = await run(['check', '--format=json', '--changed=HEAD'], dir);
    expect(filesOf(equals)).toEqual(['docs/b.md', 'docs/c.md', 'docs/u.md']);
  });

  it('is green when the errors are only in files the change did not touch', async () => {
    const clean = mkdtempSync(join(tmpdir(), 'harness-changed-clean-'));
    made.push(clean);
    git(clean, 'clone', '-q', dir, '.');
    git(clean, 'checkout', '-q', '-b', 'topic', 'origin/main');
    write(clean, 'notes.txt', 'not markdown\n');
    const result = await run(['check', '--changed', '--format', 'json'], clean);
    expect(result.code).toBe(0);
    expect(filesOf(result)).toEqual([]);
    // No markdown changed: the docs check, which reports only on markdown, does not even run.
    expect(docsCheck(result).skipped).toContain('--changed: no changed file is one it reports on');
    expect(result.stderr).toMatch(/1 file changed since /);
    expect(result.stderr).toMatch(/findings in files not changed are not shown/);
  });

  it('prefers origin/HEAD, whatever the default branch is called', async () => {
    const origin = mkdtempSync(join(tmpdir(), 'harness-changed-origin-'));
    const clone = mkdtempSync(join(tmpdir(), 'harness-changed-clone-'));
    made.push(origin, clone);
    git(origin, 'clone', '-q', '--bare', dir, '.');
    git(origin, 'symbolic-ref', 'HEAD', 'refs/heads/feature');
    git(clone, 'clone', '-q', origin, '.');
    git(clone, 'branch', '-q', '-m', 'feature', 'mine');
    write(clone, 'docs/keep.md', `${broken('keep')}\nEdited.\n`);
    const result = await run(['check', '--changed', '--format', 'json'], clone);
    expect(result.stderr).toMatch(/since origin\/feature/);
    expect(filesOf(result)).toEqual(['docs/keep.md']);
  });

  it('says a shallow clone lacks the base instead of passing (exit 2)', async () => {
    const origin = mkdtempSync(join(tmpdir(), 'harness-changed-origin-'));
    const shallow = mkdtempSync(join(tmpdir(), 'harness-changed-shallow-'));
    made.push(origin, shallow);
    git(origin, 'clone', '-q', '--bare', dir, '.');
    git(origin, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    // What actions/checkout does by default: one commit of the branch, nothing else.
    git(shallow, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${origin}`, '.');
    for (const argv of [['--changed'], ['--changed', 'main']]) {
      const result = await run(['check', ...argv], shallow);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('shallow clone');
      expect(result.stderr).toContain('fetch-depth: 0');
    }
  });

  it('refuses an unknown ref, and --update-baseline or --fix with --changed (exit 2)', async () => {
    const unknown = await run(['check', '--changed', 'docs'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"docs" is not a commit');
    expect(unknown.stderr).toContain('harness check docs --changed');
    for (const option of ['--update-baseline', '--fix']) {
      const result = await run(['check', '--changed', option], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${option} needs every finding`);
    }
  });
});
