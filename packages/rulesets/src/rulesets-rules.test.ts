// Keeps the registry, the rule files, their tests and docs/rules/rulesets.md in step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findRuleRegistryProblems } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { rulesetsDocs, rulesetsRules } from './rulesets-rules.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('rulesets rule registry', () => {
  it('has a source file, a test and a docs section with examples and a fix for every rule, and no other', () => {
    expect(
      findRuleRegistryProblems(repoRoot, {
        rules: rulesetsRules,
        page: rulesetsDocs,
        rulesDir: 'packages/rulesets/src/rules',
      }),
    ).toEqual([]);
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
