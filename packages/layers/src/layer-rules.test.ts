// Keeps the registry, the rule files, their tests and docs/rules/layers.md in step.
import { existsSync, readFileSync } from 'node:fs';
import { layerRuleIds } from '@harness/config';
import { describe, expect, it } from 'vitest';
import { layerRules, rulesDocsPath } from './layer-rules.js';

const docs = readFileSync(new URL(`../../../${rulesDocsPath}`, import.meta.url), 'utf8');
const headings = [...docs.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe('layer rule registry', () => {
  it("holds every rule SPEC's table names", () => {
    expect(layerRules.map((r) => r.id)).toEqual(expect.arrayContaining([...layerRuleIds]));
  });

  it.each(layerRules.map((r) => r.id))(
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
    expect(headings.filter((h) => h !== undefined && /^[a-z-]+$/.test(h))).toEqual(layerRules.map((r) => r.id));
  });
});
