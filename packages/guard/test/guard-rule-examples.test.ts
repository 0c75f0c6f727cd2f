// docs/rules/guard.md's examples, run through the real check on a git history: the page's shared
// files are the base, committed on main; an example's files are the change, in the working tree.
import { readFileSync } from 'node:fs';
import { parseRuleDocs } from 'agent-harness-diagnostics';
import type { RuleExample } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { guardDocs } from '../src/guard-rules.js';
import { runGuard } from '../src/run-guard.js';
import type { GuardRepo } from './guard-repo.fixture.js';
import { createGuardRepo } from './guard-repo.fixture.js';

const page = readFileSync(new URL(`../../../${guardDocs}`, import.meta.url), 'utf8');

/** The files above the first `## `: parsed as the only file of a marker section, then the marker dropped. */
function sharedFiles(): Record<string, string> {
  const preamble = page.slice(0, page.indexOf('\n## '));
  const marker = '.shared-marker';
  const [section] = parseRuleDocs(`${preamble}\n## x\n\n### Passing example\n\n\`\`\`yaml\n# ${marker}\nx\n\`\`\`\n`);
  const files = { ...section?.passing?.files };
  delete files[marker];
  return files;
}

const repos: GuardRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

async function findingsOf(example: RuleExample | undefined): Promise<string[]> {
  expect(example).toBeDefined();
  const repo = createGuardRepo(sharedFiles());
  repos.push(repo);
  repo.write(example?.files ?? {});
  const outcome = await runGuard(repo.root, { ref: 'main', commit: repo.git('rev-parse', 'HEAD') });
  expect(outcome.skipped).toBeUndefined();
  return outcome.diagnostics.map((d) => d.rule);
}

describe('docs/rules/guard.md examples', () => {
  const sections = parseRuleDocs(page);
  it('has examples for its rules', () => {
    expect(sections.map((s) => s.id)).toEqual(['loosened']);
    expect(Object.keys(sharedFiles())).toEqual(['harness.config.yaml']);
  });
  for (const section of sections) {
    it(`${section.id}: the failing example has findings of the rule, the passing one none`, async () => {
      const failing = await findingsOf(section.failing);
      expect(failing.length).toBeGreaterThan(0);
      expect(new Set(failing)).toEqual(new Set([`guard/${section.id}`]));
      expect(await findingsOf(section.passing)).toEqual([]);
    });
  }
});
