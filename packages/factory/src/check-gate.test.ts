import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckGate } from './check-gate.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function gitRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'factory-gate-'));
  roots.push(root);
  execFileSync('git', ['init', '-q'], { cwd: root });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('createCheckGate', () => {
  it('is red in a worktree without harness.config.yaml: a gate that ran nothing is not green', async () => {
    const root = gitRepo({ 'README.md': '# x\n' });
    const result = await createCheckGate({})(root);
    expect(result.ok).toBe(false);
    expect(result.report).toContain('harness.config.yaml');
    expect(result.report).toContain('harness init');
  });

  it('runs the configured checks when the config exists', async () => {
    const root = gitRepo({ 'harness.config.yaml': 'version: 1\ndocs: {}\n', 'AGENTS.md': '# Map\n' });
    const result = await createCheckGate({})(root);
    expect(result.report).not.toContain('harness init');
    expect(result.report).toContain('docs');
  });
});
