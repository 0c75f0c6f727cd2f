// A warm run (the caches in .harness/cache from the run before) finds exactly what a cold run
// finds, after every kind of change the caches must notice: a linked file removed and added back,
// a new file where a broken link pointed, a heading renamed under an anchor, a source file a code
// span names deleted, a page's `slug` front matter changed in a Docusaurus site, a package renamed.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckDocsResult } from '../src/check-docs.js';
import { checkDocs } from '../src/check-docs.js';
import { docsConfig, git, writeGitRepo } from '../src/temp-repo.fixture.js';

const files: Record<string, string> = {
  'AGENTS.md':
    '# Map\n\n- [a](docs/a.md), [b](docs/b.md#usage), [gone](docs/later.md)\n- `docs/c.md` and `packages/core/src/x.ts`\n- [site](website/docs/intro.md)\n',
  'docs/a.md': '# A\n\nSee [b](./b.md#usage), [b again](b#usage) and `src/x.ts`.\n',
  'docs/b.md': '# B\n\n## Usage\n\nRun it. See [a](a.md#a) and `core/src/y.ts`.\n',
  'docs/c.md': '# C\n\nNamed by a code span only; links [d](d.md).\n',
  'docs/d.md': '# D\n\nReached through c.\n',
  'docs/orphan.md': '# Orphan\n\nNothing links here.\n',
  'packages/core/package.json': '{ "name": "@x/core", "dependencies": { "left-pad": "1" } }\n',
  'packages/core/src/x.ts': 'export const x = 1;\n',
  'packages/core/src/y.ts': 'export const y = 1;\n',
  'packages/core/README.md': '# core\n\nUses `src/x.ts`, `src/y.ts` and `@x/core/src/x.ts`.\n',
  'website/docusaurus.config.js': "export default { presets: [['classic', { docs: {} }]] };\n",
  'website/docs/intro.md': '# Intro\n\nSee [guide](./guide), [moved](/docs/moved-page) and ![logo](/img/logo.png).\n',
  'website/docs/guide.md': '---\nslug: /moved-page\n---\n# Guide\n\nBack to [intro](intro.md).\n',
  'website/static/img/logo.png': 'png\n',
};

async function cold(root: string): Promise<CheckDocsResult> {
  return checkDocs({ root, config: docsConfig(), cache: false, now: 1_800_000_000 });
}

async function warm(root: string): Promise<CheckDocsResult> {
  return checkDocs({ root, config: docsConfig(), now: 1_800_000_000 });
}

/** Runs warm (after a run that filled the caches) and cold, and expects the same result. */
async function expectWarmEqualsCold(root: string): Promise<CheckDocsResult> {
  const fresh = await cold(root);
  const cached = await warm(root);
  expect(cached.diagnostics).toEqual(fresh.diagnostics);
  expect(cached.notes).toEqual(fresh.notes);
  expect(cached.files).toBe(fresh.files);
  // And once more, from the caches that run wrote.
  expect((await warm(root)).diagnostics).toEqual(fresh.diagnostics);
  return fresh;
}

const targets = (r: CheckDocsResult, rule: string): string[] =>
  r.diagnostics.filter((d) => d.rule === `docs/${rule}`).map((d) => `${d.file} ${d.target ?? ''}`);

describe('a warm docs check', () => {
  it('finds what a cold one finds after files are edited, added and removed', { timeout: 60_000 }, async () => {
    const root = await writeGitRepo(files, '2026-01-01T12:00:00Z');
    await warm(root); // fills the caches
    const start = await expectWarmEqualsCold(root);
    expect(targets(start, 'broken-link')).toEqual(['AGENTS.md docs/later.md']);
    expect(targets(start, 'orphan')).toEqual(['docs/orphan.md ']);

    // A linked file removed: links to it break, what only it reached is orphaned.
    await rm(join(root, 'docs/b.md'));
    git(root, ['add', '-A']);
    const removed = await expectWarmEqualsCold(root);
    expect(targets(removed, 'broken-link')).toContain('AGENTS.md docs/b.md');
    expect(targets(removed, 'broken-link')).toContain('docs/a.md docs/b');

    // Added back, untracked: git lists it again.
    await writeFile(join(root, 'docs/b.md'), files['docs/b.md'] as string);
    expect(targets(await expectWarmEqualsCold(root), 'broken-link')).toEqual(['AGENTS.md docs/later.md']);

    // A new file where a broken link pointed.
    await writeFile(join(root, 'docs/later.md'), '# Later\n');
    expect(targets(await expectWarmEqualsCold(root), 'broken-link')).toEqual([]);

    // A heading renamed under anchors other files name (only the target file changes).
    await writeFile(join(root, 'docs/b.md'), '# B\n\n## Use\n\nRun it.\n');
    expect(targets(await expectWarmEqualsCold(root), 'broken-link')).toEqual([
      'AGENTS.md docs/b.md#usage',
      'docs/a.md docs/b.md#usage',
      'docs/a.md docs/b.md#usage',
    ]);

    // A source file a code span names deleted; the mention still reaches a folder.
    await rm(join(root, 'packages/core/src/x.ts'));
    git(root, ['add', '-A']);
    const noSource = await expectWarmEqualsCold(root);
    expect(targets(noSource, 'missing-path')).toContain('AGENTS.md packages/core/src/x.ts');

    // A page's slug changed: site-rooted links to the old URL break, no markdown link text changed.
    await writeFile(join(root, 'website/docs/guide.md'), '---\nslug: /renamed\n---\n# Guide\n');
    expect(targets(await expectWarmEqualsCold(root), 'broken-link')).toContain('website/docs/intro.md docs/moved-page');

    // A package renamed in its manifest: `@x/core/src/x.ts` is no longer a package's path.
    await writeFile(join(root, 'packages/core/package.json'), '{ "name": "@y/core" }\n');
    const renamed = await expectWarmEqualsCold(root);

    // A commit that moves a linked file: the history read at the commit before is not used.
    git(root, ['add', '-A']);
    git(root, ['commit', '-qm', 'edits'], '2026-02-01T12:00:00Z');
    git(root, ['mv', 'docs/d.md', 'docs/e.md']);
    git(root, ['commit', '-qm', 'move'], '2026-03-01T12:00:00Z');
    const moved = await expectWarmEqualsCold(root);
    expect(moved.diagnostics.find((d) => d.target === 'docs/d.md')?.message).toContain('moved to docs/e.md');

    // A static file removed from the site: its URL is served no more.
    await rm(join(root, 'website/static/img/logo.png'));
    git(root, ['add', '-A']);
    const noStatic = await expectWarmEqualsCold(root);
    expect({ diagnostics: noStatic.diagnostics, notes: noStatic.notes }).not.toEqual({
      diagnostics: renamed.diagnostics,
      notes: renamed.notes,
    });
  });
});
