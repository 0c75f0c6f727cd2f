// Keeps the registry, the rule files, their tests and docs/rules/layers.md in step.
import { fileURLToPath } from 'node:url';
import { findRuleRegistryProblems } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { layerRules, rulesDocsPath } from './layer-rules.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('layer rule registry', () => {
  it('has a source file, a test and a docs section with examples and a fix for every rule, and no other', () => {
    expect(
      findRuleRegistryProblems(repoRoot, {
        rules: layerRules,
        page: rulesDocsPath,
        rulesDir: 'packages/layers/src/rules',
      }),
    ).toEqual([]);
  });
});
