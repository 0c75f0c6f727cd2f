// Keeps the registry, the rule files, their tests and docs/rules/docs.md in step.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsRules, rulesDocsPath } from './docs-rules.js';
import { docsRuleIds } from './rules/docs-rule.js';

const docs = readFileSync(new URL(`../../../${rulesDocsPath}`, import.meta.url), 'utf8');
const headings = [...docs.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
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
  it("holds every rule SPEC's table names, in its order", () => {
    expect(docsRules.map((r) => r.id).slice(0, specRules.length)).toEqual(specRules);
    expect(docsRules.map((r) => r.id)).toEqual([...docsRuleIds]);
  });

  it.each(docsRules.map((r) => r.id))(
    '%s has a source file, a test and a docs section with examples and a fix',
    (id) => {
      expect(existsSync(new URL(`./rules/${id}.ts`, import.meta.url))).toBe(true);
      expect(existsSync(new URL(`./rules/${id}.test.ts`, import.meta.url))).toBe(true);
      expect(headings).toContain(id);
      const section = docs.split(/^## /m).find((s) => s.startsWith(`${id}\n`)) ?? '';
      expect(section).toMatch(/### Failing example/);
      expect(section).toMatch(/### Passing example/);
      expect(section).toMatch(/### How to fix/);
    },
  );

  it('documents no rule that does not exist', () => {
    expect(headings.filter((h) => h !== undefined && /^[a-z-]+$/.test(h))).toEqual(docsRules.map((r) => r.id));
  });
});
