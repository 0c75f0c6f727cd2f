// Keeps each check's rule registry, its rule files and tests, and its docs page in step (docs/style.md:
// a rule is a triple, kept in step by tests). Every check's registry test calls these and
// expects no problem; each problem says what is missing and where.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostic.js';
import { parseRuleDocs } from './rule-examples.js';
import type { RuleMeta } from './rule-meta.js';
import { ruleDocsLink } from './rule-meta.js';

export interface RuleRegistry {
  /** The check's rules, in the order its docs page lists them. */
  rules: readonly RuleMeta[];
  /** Repository-relative docs page of the check's rules: `docs/rules/layers.md`. */
  page: string;
  /** Repository-relative folder of the rule files: `packages/layers/src/rules`. */
  rulesDir: string;
}

const requiredSubheadings = ['Failing example', 'Passing example', 'How to fix'];

/** What is out of step between a registry, its rule files and tests, and its docs page. */
export function findRuleRegistryProblems(repoRoot: string, registry: RuleRegistry): string[] {
  const { rules, page, rulesDir } = registry;
  const problems: string[] = [];
  const pagePath = join(repoRoot, page);
  if (!existsSync(pagePath)) return [`${page} does not exist`];
  const sections = parseRuleDocs(readFileSync(pagePath, 'utf8'));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push(`${rule.id} is registered twice`);
    seen.add(rule.id);
    for (const file of [`${rule.id}.ts`, `${rule.id}.test.ts`]) {
      if (!existsSync(join(repoRoot, rulesDir, file))) problems.push(`${rule.id}: ${rulesDir}/${file} is missing`);
    }
    if (rule.docs !== ruleDocsLink(page, rule.id))
      problems.push(`${rule.id}: docs is ${rule.docs}, not ${ruleDocsLink(page, rule.id)}`);
    for (const field of ['finds', 'why', 'fix'] as const) {
      if (rule[field].trim() === '') problems.push(`${rule.id}: ${field} is empty`);
    }
    const section = sections.find((s) => s.id === rule.id);
    if (section === undefined) {
      problems.push(`${rule.id}: ${page} has no section "## ${rule.id}"`);
      continue;
    }
    for (const heading of requiredSubheadings) {
      if (!section.subheadings.includes(heading))
        problems.push(`${rule.id}: ${page}:${section.line} has no "### ${heading}"`);
    }
  }
  const documented = sections.map((s) => s.id);
  const registered = rules.map((r) => r.id);
  if (documented.join(',') !== registered.join(','))
    problems.push(`${page} documents [${documented.join(', ')}], the registry holds [${registered.join(', ')}]`);
  return problems;
}

/** Findings whose docs link names a page or a `## ` section that does not exist. */
export function findDocsLinkProblems(repoRoot: string, diagnostics: readonly Diagnostic[]): string[] {
  const problems = new Set<string>();
  for (const d of diagnostics) {
    const [page = '', anchor] = d.docs.split('#');
    const pagePath = join(repoRoot, page);
    if (!existsSync(pagePath)) {
      problems.add(`${d.rule}: docs link ${d.docs} names a missing page`);
      continue;
    }
    const headings = [...readFileSync(pagePath, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    if (anchor === undefined || !headings.includes(anchor))
      problems.add(`${d.rule}: docs link ${d.docs} names no "## " section of ${page}`);
  }
  return [...problems];
}
