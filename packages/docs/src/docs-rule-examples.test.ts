// The examples of docs/rules/docs.md, run through the real check as typescript-eslint tests its
// docs: each failing example, committed to a fresh git repository, has findings of its rule and of
// no other; each passing example has none of its rule. The example format: parseRuleDocs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateConfig } from '@harness/config';
import type { Diagnostic, RuleExample } from '@harness/diagnostics';
import { findDocsLinkProblems, parseRuleDocs } from '@harness/diagnostics';
import { describe, expect, it } from 'vitest';
import { docsCheck } from './docs-check.js';
import { rulesDocsPath } from './docs-rules.js';
import { writeGitRepo } from './temp-repo.fixture.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sections = parseRuleDocs(readFileSync(`${repoRoot}${rulesDocsPath}`, 'utf8'));
/** Rules whose examples cannot be written as files yet, and why. */
const notRunnable: Record<string, string> = {
  stale: 'its examples are a dated git history, which the example format cannot express',
};

async function findingsOf(example: RuleExample): Promise<Diagnostic[]> {
  const root = await writeGitRepo(example.files, '2026-11-02T09:00:00Z');
  const validated = validateConfig(example.files['harness.config.yaml'] ?? 'version: 1\n', 'harness.config.yaml');
  if (!validated.ok) throw new Error(`example config is invalid: ${JSON.stringify(validated.problems)}`);
  const outcome = await docsCheck.run({ root, config: validated.config, options: {} });
  return outcome.diagnostics;
}

describe(`the examples of ${rulesDocsPath}`, () => {
  it('are files for every rule but the ones listed as not runnable', () => {
    const missing = sections.filter(
      (s) => !(s.id in notRunnable) && (s.failing === undefined || s.passing === undefined),
    );
    expect(missing.map((s) => s.id)).toEqual([]);
  });

  for (const section of sections.filter((s) => !(s.id in notRunnable))) {
    const rule = `docs/${section.id}`;
    it(`${section.id}: the failing example (line ${section.failing?.line}) is reported as ${rule} only`, async () => {
      const findings = await findingsOf(section.failing ?? { files: {}, line: 0 });
      expect([...new Set(findings.map((f) => f.rule))], JSON.stringify(findings, null, 1)).toEqual([rule]);
      expect(findDocsLinkProblems(repoRoot, findings)).toEqual([]);
    });
    it(`${section.id}: the passing example (line ${section.passing?.line}) has no ${rule} finding`, async () => {
      const findings = await findingsOf(section.passing ?? { files: {}, line: 0 });
      expect(findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }
  for (const [id, why] of Object.entries(notRunnable)) it.todo(`${id}: ${why}`);
});
