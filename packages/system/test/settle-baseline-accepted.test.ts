// Judged by the base, a baseline whose growth a code owner accepted bounds itself (docs/guard.md,
// "Judged by the base"): the base's file is not asked for, so an unreadable one changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { settleBaseline } from '../src/settle-baseline.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

const path = '.harness/baseline/docs.json';
const finding = (file: string): Diagnostic => ({
  check: 'docs',
  rule: 'docs/x',
  severity: 'error',
  file,
  message: 'm',
  fix: 'f',
  docs: 'docs/rules/docs.md#x',
});
const baselineFile = (files: string[]): string =>
  `${JSON.stringify({ version: 1, entries: files.map((file) => ({ file, rule: 'docs/x', target: '' })) })}\n`;

/** A repository whose commit holds a docs baseline that is not JSON; the work tree's accepts `files`. */
function repo(files: string[]): { root: string; base: { ref: string; commit: string } } {
  const root = mkdtempSync(join(tmpdir(), 'harness-settle-accepted-'));
  made.push(root);
  git(root, 'init', '-q', '-b', 'main');
  mkdirSync(join(root, '.harness/baseline'), { recursive: true });
  writeFileSync(join(root, path), '{');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  writeFileSync(join(root, path), baselineFile(files));
  return { root, base: { ref: 'main', commit: git(root, 'rev-parse', 'HEAD') } };
}

describe('settleBaseline with an accepted baseline', () => {
  it("applies the change's file as written and never reads the base's", async () => {
    const { root, base } = repo(['a.md', 'b.md']);
    const settled = await settleBaseline({
      check: 'docs',
      root,
      path,
      findings: [finding('a.md'), finding('b.md'), finding('c.md')],
      description: 'test',
      staleDocs: 'docs/rules/docs.md#stale-baseline',
      base: { ...base, acceptedBaselines: [path] },
    });
    expect(settled).toEqual({ remaining: [finding('c.md')], stale: [], note: undefined });
  });

  it("still reads the base's file for a baseline that was not accepted", async () => {
    const { root, base } = repo(['a.md']);
    const input = {
      check: 'docs',
      root,
      path,
      findings: [finding('a.md')],
      description: 'test',
      staleDocs: 'docs/rules/docs.md#stale-baseline',
    };
    await expect(
      settleBaseline({ ...input, base: { ...base, acceptedBaselines: ['.harness/baseline/layers.json'] } }),
    ).rejects.toMatchObject({ code: 'BASELINE_INVALID' });
  });
});
