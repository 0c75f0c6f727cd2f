import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesetsRules } from './rulesets-rules.js';

describe('rulesets rules and docs/rulesets.md', () => {
  it('has a docs section for every rule, and a rule for every rule section', () => {
    const docs = readFileSync(new URL('../../../docs/rulesets.md', import.meta.url), 'utf8');
    const sections = [...docs.matchAll(/^### `rulesets\/([a-z-]+)`$/gm)].map((m) => m[1]);
    expect(sections).toEqual(Object.keys(rulesetsRules));
  });

  it('ships the template harness init writes, requiring the harness check', () => {
    const template = JSON.parse(
      readFileSync(new URL('../../../templates/github/rulesets/main.json', import.meta.url), 'utf8'),
    ) as { rules: { type: string; parameters?: Record<string, unknown> }[] };
    expect(template.rules.map((r) => r.type)).toEqual([
      'deletion',
      'non_fast_forward',
      'pull_request',
      'required_status_checks',
    ]);
    expect(template.rules[3]?.parameters?.required_status_checks).toEqual([{ context: 'harness' }]);
  });
});
