import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetRules } from './budget-rules.js';

describe('budget rules and docs/budget.md', () => {
  it('has a docs section for every rule, and a rule for every rule section', () => {
    const docs = readFileSync(new URL('../../../docs/budget.md', import.meta.url), 'utf8');
    const sections = [...docs.matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(Object.keys(budgetRules));
  });
});
