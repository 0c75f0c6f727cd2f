// What init writes into the docs never produces a docs finding of its own (issue #19): on every
// fixture, `init --yes` then `harness check docs` (without the baseline init recorded, which would
// hide such findings) reports nothing in a file init wrote, hides no active plan, and the docs
// config requires only the front matter the repository's docs already carry.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registeredChecks, runChecks } from 'agent-harness-check';
import { loadConfig } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { afterAll, describe, expect, it } from 'vitest';
import { applyInit, planInit, prepareInit } from '../src/index.js';
import { fixtureRepo, removeFixtureRepos } from './fixture-repo.js';

afterAll(removeFixtureRepos);

const today = '2026-11-22';

interface Initialised {
  root: string;
  written: string[];
  diagnostics: Diagnostic[];
  frontmatter: Record<string, string[]> | undefined;
  docsRoot: string | undefined;
}

const runs = new Map<string, Promise<Initialised>>();

/** `harness init --yes`, then `harness check docs` as if init had recorded no baseline (once per fixture). */
function initThenCheckDocs(name: string): Promise<Initialised> {
  const known = runs.get(name);
  if (known !== undefined) return known;
  const run = runInitThenCheckDocs(name);
  runs.set(name, run);
  return run;
}

async function runInitThenCheckDocs(name: string): Promise<Initialised> {
  const root = fixtureRepo(name);
  const plan = await planInit(await prepareInit({ cwd: root }), { harnessVersion: '0.1.0', today });
  const { written } = await applyInit(plan);
  const loaded = await loadConfig({ cwd: root });
  const docs = loaded.config.docs;
  if (docs === undefined) throw new Error(`${name}: init wrote no docs section`);
  const config = { ...loaded.config, docs: { ...docs, baseline: '.harness/no-baseline.json' } };
  const checked = await runChecks({ checks: registeredChecks, names: ['docs'], root: loaded.root, config });
  return {
    root,
    written,
    diagnostics: checked.document.diagnostics,
    frontmatter: docs.frontmatter,
    docsRoot: docs.root,
  };
}

function describeFindings(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file ?? ''}:${d.line ?? ''} ${d.rule}: ${d.message}`).join('\n');
}

const fixtures = [
  'shop',
  'dashboard',
  'platform',
  'orders',
  'crm',
  'tool',
  'cruised',
  'eslint-zones',
  'docs-site',
  'service-plans',
  'guides-keys',
  'plain-docs',
];

describe('init --yes then check docs', () => {
  it.each(fixtures)('%s: no finding in a file init wrote, and no active plan hidden', async (name) => {
    const { written, diagnostics } = await initThenCheckDocs(name);
    expect(written.length, 'init wrote something').toBeGreaterThan(0);
    const own = diagnostics.filter((d) => d.file !== undefined && written.includes(d.file));
    expect(describeFindings(own)).toBe('');
    const hidden = diagnostics.filter((d) => d.rule === 'docs/orphan' && d.severity === 'error');
    expect(describeFindings(hidden)).toBe('');
  });
});

describe('the docs config follows the repository', () => {
  it('a repository without docs: no front matter is required', async () => {
    const { frontmatter, written, root } = await initThenCheckDocs('shop');
    expect(frontmatter).toEqual({});
    expect(written).toContain('docs/design-docs/index.md');
    expect(readFileSync(join(root, 'docs/design-docs/index.md'), 'utf8')).not.toMatch(/^---/);
  });

  it('docs without front matter: none is required', async () => {
    const { frontmatter } = await initThenCheckDocs('plain-docs');
    expect(frontmatter).toEqual({});
  });

  it('docs with their own keys: those keys, for the folders that carry them; never owner', async () => {
    const { frontmatter, diagnostics } = await initThenCheckDocs('guides-keys');
    expect(frontmatter).toEqual({
      'docs/adr/**/!(index).md': ['status', 'date'],
      'docs/guides/**': ['title', 'audience'],
    });
    expect(describeFindings(diagnostics.filter((d) => d.rule === 'docs/frontmatter'))).toBe('');
  });

  it('existing plans: the index lists the real active and completed plans, never "none yet" over them', async () => {
    const { root, written, frontmatter } = await initThenCheckDocs('service-plans');
    const active = readFileSync(join(root, 'docs/exec-plans/active/index.md'), 'utf8');
    expect(active).toContain('[Add retries to the repo layer](add-retries.md)');
    expect(active).toContain('[Split the ledger service](split-ledger.md)');
    expect(active).not.toMatch(/none yet/i);
    const completed = readFileSync(join(root, 'docs/exec-plans/completed/index.md'), 'utf8');
    expect(completed).toContain('[The initial schema](initial-schema.md)');
    expect(written.filter((f) => /plans/.test(f) && !f.startsWith('docs/exec-plans/'))).toEqual([]);
    // The plans carry status and created; init's own index pages are not held to them.
    expect(frontmatter).toMatchObject({ 'docs/exec-plans/**/!(index).md': ['status', 'created'] });
  });

  it('an existing ADR folder is the design docs: linked, not doubled by a new design-docs folder', async () => {
    const { root, written } = await initThenCheckDocs('guides-keys');
    expect(written.some((f) => f.startsWith('docs/design-docs/'))).toBe(false);
    expect(readFileSync(join(root, 'docs/index.md'), 'utf8')).toContain('(adr/');
  });

  it('a map that does not reach docs/: init writes no page the map cannot reach, and says so', async () => {
    const root = fixtureRepo('plain-docs');
    const plan = await planInit(await prepareInit({ cwd: root }), { harnessVersion: '0.1.0', today });
    const skipped = plan.files.find((f) => f.path === 'docs/index.md');
    expect(skipped).toMatchObject({ action: 'skip' });
    expect(skipped?.reason).toContain('AGENTS.md');
    expect(plan.files.filter((f) => f.path.startsWith('docs/') && f.action === 'create')).toEqual([]);
  });

  it('--split beside a docs site: the sections go to agent-docs/agents/, nothing into the site, no finding', async () => {
    const root = fixtureRepo('docs-site');
    const sections = Array.from(
      { length: 40 },
      (_, i) => `## Topic ${i}\n\nSee [the quickstart](docs/getting-started/Quickstart.mdx).\n`,
    );
    writeFileSync(join(root, 'AGENTS.md'), `# typescript-eslint\n\n${sections.join('\n')}`);
    const plan = await planInit(await prepareInit({ cwd: root }), { harnessVersion: '0.1.0', today, split: true });
    const { written } = await applyInit(plan);
    expect(written.filter((f) => f.startsWith('docs/'))).toEqual([]);
    expect(written).toContain('agent-docs/agents/topic-0.md');
    const loaded = await loadConfig({ cwd: root });
    const docs = loaded.config.docs;
    if (docs === undefined) throw new Error('no docs section');
    const config = { ...loaded.config, docs: { ...docs, baseline: '.harness/no-baseline.json' } };
    const checked = await runChecks({ checks: registeredChecks, names: ['docs'], root: loaded.root, config });
    const own = checked.document.diagnostics.filter((d) => d.file !== undefined && written.includes(d.file));
    expect(describeFindings(own)).toBe('');
  });

  it('a Docusaurus site in docs/: the knowledge base goes beside it, never into the pages the site publishes', async () => {
    const { root, written, docsRoot } = await initThenCheckDocs('docs-site');
    expect(docsRoot).toBe('agent-docs');
    expect(written.filter((f) => f.startsWith('docs/'))).toEqual([]);
    expect(existsSync(join(root, 'agent-docs/index.md'))).toBe(true);
    expect(readFileSync(join(root, 'AGENTS.md'), 'utf8')).toContain('packages/website/docusaurus.config.mts');
  });
});
