// The kept findings (.harness/cache/docs-results.json) are used only when a run now would list,
// read and be told what the run that found them was: after each kind of change a rule can see,
// including the ones no file text shows (a package installed under node_modules, a .gitignore
// line, a file staged, a symbolic link), the next run checks in full and finds what a cold run
// finds; with nothing changed it takes the kept findings, and applies its own clock to docs/stale.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DocsConfig } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import type { CheckDocsResult } from '../src/check-docs.js';
import { checkDocs } from '../src/check-docs.js';
import { keptRun } from '../src/result-cache.js';
import { docsConfig, git, writeGitRepo, writeTempRepo } from '../src/temp-repo.fixture.js';

const files: Record<string, string> = {
  '.gitignore': 'node_modules/\ngen/\n',
  'package.json': '{ "name": "root", "scripts": { "build": "tsc" } }\n',
  'AGENTS.md':
    '# Map\n\n- [a](docs/a.md), [b](docs/b.md#usage)\n- Output goes to `packages/core/gen/out.ts`.\n\n```sh\npnpm build\npnpm lint-docs\n```\n',
  'CLAUDE.md': '@AGENTS.md\n',
  'docs/a.md': '# A\n\nSee [b](b.md#usage) and [x](../packages/core/src/x.ts).\n',
  'docs/b.md': '# B\n\n## Usage\n\nRun it.\n',
  'packages/core/package.json': '{ "name": "@x/core" }\n',
  'packages/core/src/x.ts': 'export const x = 1;\n',
};

const day = 86_400;
const first = Date.parse('2026-01-01T12:00:00Z') / 1000;

/** Expects whether the kept findings apply now, then that a warm run finds what a cold one finds. */
async function expectWarmEqualsCold(
  root: string,
  kept: boolean,
  config: DocsConfig = docsConfig(),
  now = first + 10 * day,
): Promise<CheckDocsResult> {
  expect(await keptRun(root, config)).toEqual(kept ? expect.anything() : undefined);
  const warm = await checkDocs({ root, config, now });
  const cold = await checkDocs({ root, config, now, cache: false });
  expect(warm.diagnostics).toEqual(cold.diagnostics);
  expect(warm.notes).toEqual(cold.notes);
  expect(warm.files).toBe(cold.files);
  // The run just made is kept for the next one.
  expect(await keptRun(root, config)).toEqual(expect.anything());
  return cold;
}

const targets = (r: CheckDocsResult, rule: string): string[] =>
  r.diagnostics.filter((d) => d.rule === `docs/${rule}`).map((d) => `${d.file} ${d.target ?? ''}`);

describe('the kept docs findings', () => {
  it('are used when nothing changed, and never after a change a rule can see', { timeout: 90_000 }, async () => {
    const root = await writeGitRepo(files, '2026-01-01T12:00:00Z');
    await writeFile(join(root, 'AGENTS.override.md'), '# Mine\n'); // untracked
    await checkDocs({ root, config: docsConfig(), now: first }); // keeps the findings
    const start = await expectWarmEqualsCold(root, true);
    expect(targets(start, 'command')).toEqual(['AGENTS.md pnpm lint-docs']);
    expect(targets(start, 'missing-path')).toEqual([]);
    expect(targets(start, 'shim')).toEqual([]);
    expect(start.diagnostics.length).toBeGreaterThan(0);

    // A doc's text edited: a heading renamed under anchors other files name.
    await writeFile(join(root, 'docs/b.md'), '# B\n\n## Use\n\nRun it.\n');
    expect(targets(await expectWarmEqualsCold(root, false), 'broken-link')).toEqual([
      'AGENTS.md docs/b.md#usage',
      'docs/a.md docs/b.md#usage',
    ]);
    await expectWarmEqualsCold(root, true);

    // A linked file removed, then added back.
    git(root, ['rm', '-qf', 'docs/b.md']);
    expect(targets(await expectWarmEqualsCold(root, false), 'broken-link')).toContain('AGENTS.md docs/b.md');
    await writeFile(join(root, 'docs/b.md'), files['docs/b.md'] as string);
    expect(targets(await expectWarmEqualsCold(root, false), 'broken-link')).toEqual([]);

    // Another config.
    const short = docsConfig({ maxLines: 3 });
    expect(targets(await expectWarmEqualsCold(root, false, short), 'map-too-long')).toEqual(['AGENTS.md ']);
    await expectWarmEqualsCold(root, false); // and back: the kept run is the short config's

    // A package installed: its binary is what `pnpm lint-docs` runs (node_modules is ignored, no listed file changes).
    await mkdir(join(root, 'node_modules/.bin'), { recursive: true });
    await writeFile(join(root, 'node_modules/.bin/lint-docs'), '#!/bin/sh\n');
    expect(targets(await expectWarmEqualsCold(root, false), 'command')).toEqual([]);

    // A .gitignore line gone: the ignored output folder named in a code span is now missing (no file text a rule reads changed).
    await writeFile(join(root, '.gitignore'), 'node_modules/\n');
    expect(targets(await expectWarmEqualsCold(root, false), 'missing-path')).toEqual([
      'AGENTS.md packages/core/gen/out.ts',
    ]);

    // AGENTS.override.md staged: the same files, the same texts, now tracked.
    git(root, ['add', 'AGENTS.override.md']);
    expect(targets(await expectWarmEqualsCold(root, false), 'shim')).toEqual(['AGENTS.override.md ']);

    // CLAUDE.md a symbolic link that reads the same text, but by another way than to AGENTS.md.
    await rm(join(root, 'CLAUDE.md'));
    await symlink(`../${basename(root)}/AGENTS.md`, join(root, 'CLAUDE.md'));
    await writeFile(join(root, 'AGENTS.md'), `${files['AGENTS.md']}`);
    const linked = await expectWarmEqualsCold(root, false);
    expect(targets(linked, 'shim')).toEqual(['CLAUDE.md AGENTS.md', 'AGENTS.override.md ']);

    // A commit of a file no rule reads: only HEAD changed, and docs/stale sees code changed after the docs.
    await writeFile(join(root, 'packages/core/src/x.ts'), 'export const x = 2;\n');
    git(root, ['commit', '-qm', 'x', '--', 'packages/core/src/x.ts'], '2026-02-01T12:00:00Z');
    expect(targets(await expectWarmEqualsCold(root, false), 'stale')).toEqual([]);

    // Nothing changed, a later day: the kept run, with today's docs/stale.
    const later = first + 200 * day;
    const stale = await expectWarmEqualsCold(root, true, docsConfig(), later);
    expect(targets(stale, 'stale')).toEqual(['docs/a.md ']);
  });

  it('carry the edits --fix applies, and the check after the fix runs in full', { timeout: 60_000 }, async () => {
    const root = await writeGitRepo(
      { 'AGENTS.md': '- [Setup](docs/setup.md)\n', 'docs/setup.md': '# Setup\n' },
      '2026-01-01T12:00:00Z',
    );
    await mkdir(join(root, 'docs/install'));
    git(root, ['mv', 'docs/setup.md', 'docs/install/setup.md']);
    git(root, ['commit', '-qm', 'move setup'], '2026-02-01T12:00:00Z');
    const found = await checkDocs({ root, config: docsConfig() });
    expect(targets(found, 'broken-link')).toEqual(['AGENTS.md docs/setup.md']);
    expect(await keptRun(root, docsConfig())).toEqual(expect.anything());

    const fixed = await checkDocs({ root, config: docsConfig(), fix: true });
    expect(fixed.notes).toContain('docs: --fix changed 1 link(s) in 1 file(s):');
    expect(await readFile(join(root, 'AGENTS.md'), 'utf8')).toBe('- [Setup](docs/install/setup.md)\n');
    expect(targets(fixed, 'broken-link')).toEqual([]);
    expect(fixed.diagnostics).toEqual((await checkDocs({ root, config: docsConfig(), cache: false })).diagnostics);
  });

  it('outside git, are used until a file on disk changes', { timeout: 60_000 }, async () => {
    const root = await writeTempRepo({ 'AGENTS.md': '# Map\n\n- [a](docs/a.md)\n', 'docs/a.md': '# A\n' });
    await checkDocs({ root, config: docsConfig(), now: first });
    expect(targets(await expectWarmEqualsCold(root, true), 'broken-link')).toEqual([]);
    await rm(join(root, 'docs/a.md'));
    expect(targets(await expectWarmEqualsCold(root, false), 'broken-link')).toEqual(['AGENTS.md docs/a.md']);
    await writeFile(join(root, 'docs/a.md'), '# A\n');
    expect(targets(await expectWarmEqualsCold(root, false), 'broken-link')).toEqual([]);
  });
});
