import type { Check } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { registeredChecks } from './registered-checks.js';
import { runChecks } from './run-checks.js';

const finding = (check: string, rule: string, severity: 'error' | 'warning' = 'error') => ({
  check,
  rule,
  severity,
  file: `${rule}.ts`,
  message: 'm',
  fix: 'f',
  docs: `docs/rules/${check}.md`,
});

function fakeCheck(name: 'layers' | 'docs', findings: ReturnType<typeof finding>[]): Check {
  return {
    name,
    description: name,
    section: name,
    ruleIds: () => Promise.resolve([...new Set([...findings.map((f) => f.rule), `${name}/other`])]),
    run: () => Promise.resolve({ diagnostics: findings }),
  };
}

const layers = fakeCheck('layers', [finding('layers', 'layers/contract'), finding('layers', 'layers/unassigned')]);
const docs = fakeCheck('docs', [finding('docs', 'docs/orphan', 'warning'), finding('docs', 'docs/missing-path')]);
const run = (rules: Record<string, 'off' | 'warn' | 'error'>) =>
  runChecks({ checks: [layers, docs], names: ['layers', 'docs'], root: '/r', config: { version: 1, rules } });

describe('the rules map', () => {
  it('turns rules of every check off, to warnings or to errors, and ok follows', async () => {
    const { document } = await run({
      'layers/unassigned': 'off',
      'layers/contract': 'warn',
      'docs/orphan': 'error',
      'docs/missing-path': 'off',
    });
    expect(document.diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual([
      'docs/orphan error',
      'layers/contract warning',
    ]);
    expect(document.checks.map((c) => `${c.name} ${c.ok}`)).toEqual(['layers true', 'docs false']);
    expect(document.ok).toBe(false);
    const relaxed = await run({ 'layers/unassigned': 'warn', 'layers/contract': 'warn', 'docs/missing-path': 'warn' });
    expect(relaxed.document.ok).toBe(true);
  });

  it('rejects an unknown rule id with a suggestion, before any check runs', async () => {
    await expect(run({ 'docs/orphn': 'off' })).rejects.toThrow(HarnessError);
    await expect(run({ 'docs/orphn': 'off' })).rejects.toThrow(
      'rules.docs/orphn: no check reports a rule "docs/orphn": did you mean "docs/orphan"?',
    );
    await expect(run({ contract: 'off' })).rejects.toThrow('did you mean "layers/contract"?');
    await expect(run({ 'lint/x': 'off' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      place: { key: 'rules.lint/x' },
    });
  });
});

describe('the checks harness ships', () => {
  it('each declare their rule ids, and the rules map accepts them', async () => {
    const ids = await Promise.all(registeredChecks.map(async (c) => [c.name, await c.ruleIds?.()] as const));
    for (const [name, list] of ids)
      expect(
        list?.every((id) => id.startsWith(`${name}/`)),
        name,
      ).toBe(true);
    const all = ids.flatMap(([, list]) => list ?? []);
    expect(all).toEqual(
      expect.arrayContaining([
        'layers/contract',
        'layers/unassigned',
        'docs/orphan',
        'docs/missing-path',
        'budget/over-budget',
        'rulesets/drift',
      ]),
    );
  });
});
