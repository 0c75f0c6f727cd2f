import { describe, expect, it } from 'vitest';
import type { RulesetsPlan } from '../plan-rulesets.js';
import { planDiagnostics } from '../rulesets-rules.js';
import { drift } from './drift.js';

const plan = (entries: RulesetsPlan['entries']): RulesetsPlan => ({
  repository: 'acme/shop',
  dir: '.github/rulesets',
  entries,
});

describe('rulesets/drift', () => {
  it('names each field GitHub and the file disagree on', () => {
    expect(
      planDiagnostics(
        plan([
          {
            name: 'main',
            action: 'update',
            file: '.github/rulesets/main.json',
            id: 1,
            changes: [{ path: 'enforcement', github: 'disabled', file: 'active' }],
          },
        ]),
      ),
    ).toEqual([
      expect.objectContaining({
        rule: 'rulesets/drift',
        severity: drift.severity,
        file: '.github/rulesets/main.json',
        docs: drift.docs,
      }),
    ]);
    expect(
      planDiagnostics(
        plan([
          {
            name: 'main',
            action: 'update',
            file: '.github/rulesets/main.json',
            id: 1,
            changes: [{ path: 'enforcement', github: 'disabled', file: 'active' }],
          },
        ]),
      )[0]?.message,
    ).toMatch(/enforcement: GitHub has "disabled", the file says "active"/);
  });

  it('reports nothing for a ruleset apply would leave as it is', () => {
    expect(
      planDiagnostics(plan([{ name: 'main', action: 'unchanged', file: '.github/rulesets/main.json', id: 1 }])),
    ).toEqual([]);
  });
});
