import { describe, expect, it } from 'vitest';
import type { RulesetsPlan } from '../plan-rulesets.js';
import { planDiagnostics } from '../rulesets-rules.js';
import { orphaned } from './orphaned.js';

const plan = (entries: RulesetsPlan['entries']): RulesetsPlan => ({
  repository: 'acme/shop',
  dir: '.github/rulesets',
  entries,
});

describe('rulesets/orphaned', () => {
  it('is reported against the created-state file for a ruleset whose file is gone', () => {
    expect(planDiagnostics(plan([{ name: 'release', action: 'delete', id: 7, reason: 'its file is gone' }]))).toEqual([
      expect.objectContaining({
        rule: 'rulesets/orphaned',
        severity: orphaned.severity,
        file: '.github/rulesets/.harness-created.json',
        docs: orphaned.docs,
      }),
    ]);
    expect(
      planDiagnostics(plan([{ name: 'release', action: 'delete', id: 7, reason: 'its file is gone' }]))[0]?.message,
    ).toMatch(/ruleset "release" \(id 7\) is still on acme\/shop, but its file is gone/);
  });

  it('reports nothing for a ruleset apply would leave as it is', () => {
    expect(
      planDiagnostics(plan([{ name: 'main', action: 'unchanged', file: '.github/rulesets/main.json', id: 1 }])),
    ).toEqual([]);
  });
});
