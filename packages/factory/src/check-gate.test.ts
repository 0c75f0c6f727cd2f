import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { createCheckGate, gateResult } from './check-gate.js';

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

describe('gateResult', () => {
  const finding = (rule: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    check: rule.split('/')[0] ?? '',
    rule,
    severity,
    file: 'harness.config.yaml',
    line: 3,
    message: `${rule} here`,
    fix: 'ask a code owner',
    docs: 'docs/guard.md#guard-loosened',
  });
  const document = (diagnostics: Diagnostic[]) => ({
    version: 1 as const,
    ok: diagnostics.every((d) => d.severity !== 'error'),
    checks: [...new Set(diagnostics.map((d) => d.check))].map((name) => ({
      name,
      ok: !diagnostics.some((d) => d.check === name && d.severity === 'error'),
      durationMs: 1,
    })),
    diagnostics,
  });

  it('sets guard/loosened errors apart, and says whether everything else is green', () => {
    expect(gateResult(document([finding('guard/loosened')]), 'r')).toEqual({
      ok: false,
      report: 'r',
      guard: [{ file: 'harness.config.yaml', line: 3, message: 'guard/loosened here', fix: 'ask a code owner' }],
      okApartFromGuard: true,
    });
    expect(gateResult(document([finding('guard/loosened'), finding('docs/missing-path')]), 'r').okApartFromGuard).toBe(
      false,
    );
    expect(gateResult(document([finding('docs/missing-path')]), 'r')).toEqual({ ok: false, report: 'r' });
    expect(gateResult(document([finding('guard/loosened', 'warning')]), 'r')).toEqual({ ok: true, report: 'r' });
  });
});
