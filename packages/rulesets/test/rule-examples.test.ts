// The examples of docs/rules/rulesets.md, run through the real check against the stand-in GitHub
// (which validates every request against GitHub's OpenAPI description), as typescript-eslint tests
// its docs: each failing example has findings of its rule and of no other; each passing example
// none of its rule. Files whose path starts with `github:` are rulesets GitHub has.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateConfig } from 'agent-harness-config';
import type { Diagnostic, RuleExample } from 'agent-harness-diagnostics';
import { findDocsLinkProblems, parseRuleDocs } from 'agent-harness-diagnostics';
import { startGithubStandin } from 'agent-harness-github-standin';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRulesetsCheck } from '../src/rulesets-check.js';
import { rulesetsDocs } from '../src/rulesets-rules.js';
import { repoRoot } from './fixture-repo.js';

const sections = parseRuleDocs(readFileSync(join(repoRoot, rulesetsDocs), 'utf8'));
const repository = 'acme/shop';
const onGithub = 'github:';

function writeRepo(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'harness-rulesets-example-')));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    if (path.startsWith(onGithub)) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
  };
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', `git@github.com:${repository}.git`);
  git('add', '-A');
  git('commit', '-q', '-m', 'example');
  return root;
}

async function findingsOf(example: RuleExample): Promise<Diagnostic[]> {
  const standin = await startGithubStandin();
  onTestFinished(() => standin.close());
  standin.state.addToken('example-token');
  standin.state.addRepository(repository);
  for (const [path, text] of Object.entries(example.files)) {
    if (path.startsWith(onGithub)) standin.state.addRuleset(repository, JSON.parse(text) as Record<string, never>);
  }
  const root = writeRepo(example.files);
  const validated = validateConfig(example.files['harness.config.yaml'] ?? '', 'harness.config.yaml');
  if (!validated.ok) throw new Error(`example config is invalid: ${JSON.stringify(validated.problems)}`);
  const env = { GITHUB_TOKEN: 'example-token', GITHUB_API_URL: standin.url };
  const outcome = await createRulesetsCheck().run({ root, config: validated.config, options: { env } });
  expect(standin.violations).toEqual([]);
  return outcome.diagnostics;
}

describe(`the examples of ${rulesetsDocs}`, () => {
  it('are files for every rule', () => {
    expect(sections.filter((s) => s.failing === undefined || s.passing === undefined).map((s) => s.id)).toEqual([]);
    expect(sections.length).toBeGreaterThan(0);
  });

  for (const section of sections) {
    const rule = `rulesets/${section.id}`;
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
