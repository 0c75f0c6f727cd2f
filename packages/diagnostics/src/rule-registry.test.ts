import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.js';
import type { RuleMeta } from './rule-meta.js';
import { findDocsLinkProblems, findRuleRegistryProblems } from './rule-registry.js';

const root = mkdtempSync(join(tmpdir(), 'harness-rule-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const section = (id: string, parts = ['Failing example', 'Passing example', 'How to fix']): string =>
  [`## ${id}`, ...parts.map((p) => `### ${p}\n`)].join('\n\n');
write(
  'docs/rules/x.md',
  ['# X rules', section('good'), section('no-fix', ['Failing example', 'Passing example'])].join('\n\n'),
);
write('docs/rules/clean.md', ['# Clean rules', section('good')].join('\n\n'));
for (const file of ['good.ts', 'good.test.ts', 'no-fix.ts', 'untested.ts']) write(`src/rules/${file}`, '');

const rule = (id: string, docs = `docs/rules/x.md#${id}`): RuleMeta => ({
  id,
  severity: 'error',
  finds: 'something',
  why: 'because',
  fix: 'do this',
  docs,
});
const registry = (rules: RuleMeta[]) => ({ rules, page: 'docs/rules/x.md', rulesDir: 'src/rules' });

describe('findRuleRegistryProblems', () => {
  it('finds nothing when registry, files, tests and docs agree', () => {
    const clean = {
      rules: [rule('good', 'docs/rules/clean.md#good')],
      page: 'docs/rules/clean.md',
      rulesDir: 'src/rules',
    };
    expect(findRuleRegistryProblems(root, clean)).toEqual([]);
  });

  it('names a missing test, a missing subsection, a wrong docs link and a missing section', () => {
    expect(
      findRuleRegistryProblems(root, registry([rule('good', 'docs/x.md#good'), rule('no-fix'), rule('untested')])),
    ).toEqual([
      'good: docs is docs/x.md#good, not docs/rules/x.md#good',
      'no-fix: src/rules/no-fix.test.ts is missing',
      'no-fix: docs/rules/x.md:14 has no "### How to fix"',
      'untested: src/rules/untested.test.ts is missing',
      'untested: docs/rules/x.md has no section "## untested"',
      'docs/rules/x.md documents [good, no-fix], the registry holds [good, no-fix, untested]',
    ]);
  });
});

describe('findDocsLinkProblems', () => {
  const finding = (docs: string): Diagnostic => ({
    check: 'x',
    rule: 'x/good',
    severity: 'error',
    file: 'a',
    message: 'm',
    fix: 'f',
    docs,
  });

  it('accepts a link to an existing section and names a missing page or anchor', () => {
    expect(
      findDocsLinkProblems(root, [
        finding('docs/rules/x.md#good'),
        finding('docs/rules/x.md#gone'),
        finding('docs/y.md#good'),
      ]),
    ).toEqual([
      'x/good: docs link docs/rules/x.md#gone names no "## " section of docs/rules/x.md',
      'x/good: docs link docs/y.md#good names a missing page',
    ]);
  });
});
