// Keeps the registry, the rule files, their tests and docs/rules/guard.md in step.
import { fileURLToPath } from 'node:url';
import { findRuleRegistryProblems } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { guardDocs, guardRules } from './guard-rules.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('guard rule registry', () => {
  it('has a source file, a test and a docs section with examples and a fix for every rule, and no other', () => {
    expect(
      findRuleRegistryProblems(repoRoot, { rules: guardRules, page: guardDocs, rulesDir: 'packages/guard/src/rules' }),
    ).toEqual([]);
  });
});
