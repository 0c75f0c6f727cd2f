import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { settleBaseline } from './settle-baseline.js';

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
