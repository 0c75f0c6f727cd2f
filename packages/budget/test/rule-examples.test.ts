// The examples of docs/rules/budget.md, run through the real check and report, as typescript-eslint
// tests its docs: each failing example has findings of its rule and of no other; each passing
// example none of its rule. The example format: parseRuleDocs in agent-harness-diagnostics.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfig } from 'agent-harness-config';
import type { Diagnostic, RuleExample } from 'agent-harness-diagnostics';
import { findDocsLinkProblems, parseRuleDocs } from 'agent-harness-diagnostics';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBudgetCheck } from '../src/budget-check.js';
import { budgetDocs } from '../src/budget-rules.js';
import { loadBudgetReport } from '../src/load-budget-report.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sections = parseRuleDocs(readFileSync(`${repoRoot}${budgetDocs}`, 'utf8'));
/** The page says the current commit of every example is c0ffee0…. */
const check = createBudgetCheck({
  readGitState: () =>
    Promise.resolve({ commit: 'c0ffee0000000000000000000000000000000000', branch: 'main', dirty: false }),
});

async function findingsOf(example: RuleExample): Promise<Diagnostic[]> {
  const root = await mkdtemp(join(tmpdir(), 'harness-budget-example-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(example.files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const validated = validateConfig(example.files['harness.config.yaml'] ?? '', 'harness.config.yaml');
  if (!validated.ok) throw new Error(`example config is invalid: ${JSON.stringify(validated.problems)}`);
  const checked = await check.run({ root, config: validated.config, options: {} });
  const report = await loadBudgetReport({ root, config: validated.config });
  return [...checked.diagnostics, ...report.diagnostics];
}

describe(`the examples of ${budgetDocs}`, () => {
  it('are files for every rule', () => {
    expect(sections.filter((s) => s.failing === undefined || s.passing === undefined).map((s) => s.id)).toEqual([]);
    expect(sections.length).toBeGreaterThan(0);
  });

  for (const section of sections) {
    const rule = `budget/${section.id}`;
    it(`${section.id}: the failing example (line ${section.failing?.line}) is reported as ${rule} only`, async () => {
      const findings = await findingsOf(section.failing ?? { files: {}, notes: {}, line: 0 });
      expect([...new Set(findings.map((f) => f.rule))], JSON.stringify(findings, null, 1)).toEqual([rule]);
      expect(findDocsLinkProblems(repoRoot, findings)).toEqual([]);
    });
    it(`${section.id}: the passing example (line ${section.passing?.line}) has no ${rule} finding`, async () => {
      const findings = await findingsOf(section.passing ?? { files: {}, notes: {}, line: 0 });
      expect(findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }
});
