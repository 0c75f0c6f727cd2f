// The examples of docs/rules/docs.md, run through the real check as typescript-eslint tests its
// docs: each failing example, committed to a fresh git repository, has findings of its rule and of
// no other; each passing example has none of its rule. The example format: parseRuleDocs.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfig } from 'agent-harness-config';
import type { Diagnostic, RuleExample } from 'agent-harness-diagnostics';
import { findDocsLinkProblems, parseRuleDocs } from 'agent-harness-diagnostics';
import { describe, expect, it } from 'vitest';
import { docsCheck } from '../src/docs-check.js';
import { rulesDocsPath } from '../src/docs-rules.js';
import { git, writeGitRepo } from '../src/temp-repo.fixture.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sections = parseRuleDocs(readFileSync(`${repoRoot}${rulesDocsPath}`, 'utf8'));
const firstDay = '2026-01-01';

/**
 * The example committed to a fresh git repository: a file whose comment says `committed <date>` in
 * a commit of that day, the others in the first commit, so the stale rule's examples have a history.
 */
async function writeExample(example: RuleExample): Promise<string> {
  const dayOf = (path: string): string =>
    /committed (\d{4}-\d{2}-\d{2})/.exec(example.notes[path] ?? '')?.[1] ?? firstDay;
  const days = [...new Set(Object.keys(example.files).map(dayOf))].sort();
  const first = Object.fromEntries(Object.entries(example.files).filter(([path]) => dayOf(path) === days[0]));
  const root = await writeGitRepo(first, `${days[0]}T09:00:00Z`);
  for (const day of days.slice(1)) {
    const paths = Object.keys(example.files).filter((path) => dayOf(path) === day);
    for (const path of paths) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), example.files[path] ?? '');
    }
    git(root, ['add', '--', ...paths]);
    git(root, ['commit', '-q', '-m', day], `${day}T09:00:00Z`);
  }
  return root;
}

async function findingsOf(example: RuleExample): Promise<Diagnostic[]> {
  const root = await writeExample(example);
  const validated = validateConfig(example.files['harness.config.yaml'] ?? 'version: 1\n', 'harness.config.yaml');
  if (!validated.ok) throw new Error(`example config is invalid: ${JSON.stringify(validated.problems)}`);
  const outcome = await docsCheck.run({ root, config: validated.config, options: {} });
  return outcome.diagnostics;
}

describe(`the examples of ${rulesDocsPath}`, () => {
  it('are files for every rule', () => {
    expect(sections.filter((s) => s.failing === undefined || s.passing === undefined).map((s) => s.id)).toEqual([]);
    expect(sections.length).toBeGreaterThan(0);
  });

  for (const section of sections) {
    const rule = `docs/${section.id}`;
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
