// Keeps the registry, the rule files, their tests and docs/rules/docs.md in step.
import { fileURLToPath } from 'node:url';
import { findRuleRegistryProblems } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { docsRules, rulesDocsPath } from './docs-rules.js';
import { docsRuleIds } from './rules/docs-rule.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const specRules = [
  'map-missing',
  'map-too-long',
  'broken-link',
  'orphan',
  'missing-path',
  'frontmatter',
  'stale',
  'shim',
  'import',
  'command',
  'absolute-path',
];

describe('docs rule registry', () => {
  it('holds the listed rules first, in their order', () => {
    expect(docsRules.map((r) => r.id).slice(0, specRules.length)).toEqual(specRules);
    expect(docsRules.map((r) => r.id)).toEqual([...docsRuleIds]);
  });

  it('has a source file, a test and a docs section with examples and a fix for every rule, and no other', () => {
    expect(
      findRuleRegistryProblems(repoRoot, {
        rules: docsRules,
        page: rulesDocsPath,
        rulesDir: 'packages/docs/src/rules',
      }),
    ).toEqual([]);
  });
});
