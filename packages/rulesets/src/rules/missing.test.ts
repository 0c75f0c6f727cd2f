import { describe, expect, it } from 'vitest';
import type { RulesetsPlan } from '../plan-rulesets.js';
import { planDiagnostics } from '../rulesets-rules.js';
import { missing } from './missing.js';

const plan = (entries: RulesetsPlan['entries']): RulesetsPlan => ({
  repository: 'acme/shop',
  dir: '.github/rulesets',
  entries,
});

describe('rulesets/missing', () => {
  it('is reported for a ruleset the file defines and GitHub does not have', () => {
    expect(planDiagnostics(plan([{ name: 'main', action: 'create', file: '.github/rulesets/main.json' }]))).toEqual([
      expect.objectContaining({
        rule: 'rulesets/missing',
        severity: missing.severity,
        file: '.github/rulesets/main.json',
        docs: missing.docs,
      }),
    ]);
    expect(
      planDiagnostics(plan([{ name: 'main', action: 'create', file: '.github/rulesets/main.json' }]))[0]?.message,
    ).toMatch(/ruleset "main" does not exist on acme\/shop/);
  });

  it('reports nothing for a ruleset apply would leave as it is', () => {
    expect(
      planDiagnostics(plan([{ name: 'main', action: 'unchanged', file: '.github/rulesets/main.json', id: 1 }])),
    ).toEqual([]);
  });
});
