import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { settleBaseline } from '../src/settle-baseline.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-settle-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const finding: Diagnostic = {
  check: 'docs',
  rule: 'docs/x',
  severity: 'error',
  file: 'a.md',
  message: 'm',
  fix: 'f',
  docs: 'docs/rules/docs.md#x',
};
const input = (root: string, more: { dryRun?: boolean } = {}) => ({
  check: 'docs',
  root,
  path: '.harness/baseline/docs.json',
  findings: [finding],
  updateBaseline: true,
  description: 'test',
  staleDocs: 'docs/rules/docs.md#stale-baseline',
  ...more,
});

describe('settleBaseline', () => {
  it('writes the planned baseline, which then accepts the finding', async () => {
    const root = temp();
    const first = await settleBaseline(input(root));
    expect(first.note).toContain('wrote .harness/baseline/docs.json: 1 entry (+1, -0)');
    expect(JSON.parse(readFileSync(join(root, '.harness/baseline/docs.json'), 'utf8'))).toMatchObject({
      entries: [{ file: 'a.md', rule: 'docs/x', target: '' }],
    });
    const again = await settleBaseline({ ...input(root), updateBaseline: false });
    expect(again).toEqual({ remaining: [], stale: [], note: undefined });
  });

  it('writes nothing on a dry run', async () => {
    const root = temp();
    const result = await settleBaseline(input(root, { dryRun: true }));
    expect(result.note).toContain('would write');
    expect(existsSync(join(root, '.harness'))).toBe(false);
  });

  it('refuses to write through a folder symlink that leads out of the repository', async () => {
    const root = temp();
    const outside = temp();
    symlinkSync(outside, join(root, '.harness'));
    await expect(settleBaseline(input(root))).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(existsSync(join(outside, 'baseline'))).toBe(false);
  });
});

describe('settleBaseline judged by the base', () => {
  const baselineFile = (files: string[]): string =>
    JSON.stringify({
      version: 1,
      description: 'd',
      entries: files.map((file) => ({ file, rule: 'docs/x', target: '' })),
    });
  const git = (root: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  /** A repository whose one commit holds `committed` as the docs baseline (or none), then `changed` in the work tree. */
  const repo = (
    committed: string | undefined,
    changed: string,
  ): { root: string; base: { ref: string; commit: string } } => {
    const root = temp();
    git(root, 'init', '-q', '-b', 'main');
    mkdirSync(join(root, '.harness/baseline'), { recursive: true });
    writeFileSync(join(root, 'README.md'), 'r\n');
    if (committed !== undefined) writeFileSync(join(root, '.harness/baseline/docs.json'), committed);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    writeFileSync(join(root, '.harness/baseline/docs.json'), changed);
    return { root, base: { ref: 'main', commit: git(root, 'rev-parse', 'HEAD') } };
  };
  const judged = (root: string, base: { ref: string; commit: string }, files: string[]) => ({
    ...input(root),
    updateBaseline: false,
    findings: files.map((file) => ({ ...finding, file })),
    base,
  });

  it('accepts nothing the change added to the baseline by hand', async () => {
    const { root, base } = repo(baselineFile(['a.md']), baselineFile(['a.md', 'b.md']));
    const settled = await settleBaseline(judged(root, base, ['a.md', 'b.md']));
    expect(settled.remaining.map((f) => f.file)).toEqual(['b.md']);
  });

  it('reports no stale entry for a finding the change fixed', async () => {
    const { root, base } = repo(baselineFile(['a.md', 'b.md']), baselineFile(['a.md', 'b.md']));
    expect(await settleBaseline(judged(root, base, ['a.md']))).toEqual({ remaining: [], stale: [], note: undefined });
  });

  it('accepts nothing when the base had no baseline', async () => {
    const { root, base } = repo(undefined, baselineFile(['a.md']));
    const settled = await settleBaseline(judged(root, base, ['a.md']));
    expect(settled.remaining.map((f) => f.file)).toEqual(['a.md']);
  });

  it('names the base when its baseline is not valid', async () => {
    const { root, base } = repo('{', baselineFile(['a.md']));
    await expect(settleBaseline(judged(root, base, ['a.md']))).rejects.toMatchObject({
      code: 'BASELINE_INVALID',
      message: expect.stringContaining(`.harness/baseline/docs.json at main (${base.commit.slice(0, 7)})`),
    });
  });
});
