// The rules and --fix that read git history, on real repositories built in the OS temp dir with
// dated commits.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkDocs } from '../src/check-docs.js';
import { docsConfig, git, writeGitRepo } from '../src/temp-repo.fixture.js';

const guide = (heading: string): string => `# Guide\n\n## ${heading}\n\nText.\n\n## Other\n`;

describe('harness check docs --fix', () => {
  it('points a link at the file git shows was renamed, and an anchor at the heading renamed once', async () => {
    const root = await writeGitRepo(
      {
        'AGENTS.md': '- [Guide](docs/guide.md#getting-started)\n- [Setup](docs/setup.md)\n',
        'docs/guide.md': guide('Getting started'),
        'docs/setup.md': '# Setup\n\nHow to set up the project.\n',
      },
      '2026-01-01T12:00:00Z',
    );
    await mkdir(join(root, 'docs/install'));
    git(root, ['mv', 'docs/setup.md', 'docs/install/setup.md']);
    await writeFile(join(root, 'docs/guide.md'), guide('First steps'));
    git(root, ['commit', '-qam', 'move setup, rename heading'], '2026-02-01T12:00:00Z');

    const found = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(found.diagnostics.filter((d) => d.rule === 'docs/broken-link').map((d) => [d.target, d.fix])).toEqual([
      [
        'docs/guide.md#getting-started',
        'Change the link to docs/guide.md#first-steps; `harness check docs --fix` does it.',
      ],
      [
        'docs/setup.md',
        'Change the link to docs/install/setup.md (git rename of docs/setup.md → docs/install/setup.md); `harness check docs --fix` does it.',
      ],
    ]);

    const planned = await checkDocs({ root, config: docsConfig(), cache: false, fix: true, dryRun: true });
    expect(planned.notes).toEqual([
      'docs: --fix --dry-run would change 2 link(s):',
      '  AGENTS.md:1: docs/guide.md#getting-started → docs/guide.md#first-steps',
      '  AGENTS.md:2: docs/setup.md → docs/install/setup.md',
    ]);
    expect(await readFile(join(root, 'AGENTS.md'), 'utf8')).toBe(
      '- [Guide](docs/guide.md#getting-started)\n- [Setup](docs/setup.md)\n',
    );

    expect(found.diagnostics.filter((d) => d.rule === 'docs/orphan').map((d) => d.file)).toEqual([
      'docs/install/setup.md',
    ]);
    const fixed = await checkDocs({ root, config: docsConfig(), cache: false, fix: true });
    // Checked again after the fix: the moved file is reached through the fixed link.
    expect(fixed.diagnostics).toEqual([]);
    expect(await readFile(join(root, 'AGENTS.md'), 'utf8')).toBe(
      '- [Guide](docs/guide.md#first-steps)\n- [Setup](docs/install/setup.md)\n',
    );
    expect(
      (await checkDocs({ root, config: docsConfig(), cache: false })).diagnostics.filter(
        (d) => d.rule === 'docs/broken-link',
      ),
    ).toEqual([]);
  });

  it('leaves a guess alone: a heading changed together with others is named in the fix, not rewritten', async () => {
    const root = await writeGitRepo(
      { 'AGENTS.md': '[g](docs/guide.md#getting-started)\n', 'docs/guide.md': guide('Getting started') },
      '2026-01-01T12:00:00Z',
    );
    await writeFile(join(root, 'docs/guide.md'), '# Guide\n\n## Getting going\n\n## Elsewhere\n');
    git(root, ['commit', '-qam', 'rewrite'], '2026-02-01T12:00:00Z');
    const result = await checkDocs({ root, config: docsConfig(), cache: false, fix: true });
    expect(result.notes[0]).toContain('found nothing it can fix unambiguously');
    expect(result.diagnostics.find((d) => d.rule === 'docs/broken-link')?.fix).toContain(
      '(#guide, #getting-going, #elsewhere)',
    );
  });
});

describe('git-based rules', () => {
  it('reports a committed AGENTS.override.md, not an uncommitted one', async () => {
    const root = await writeGitRepo(
      { 'AGENTS.md': '# map\n', 'pkg/AGENTS.override.md': '# mine\n' },
      '2026-01-01T12:00:00Z',
    );
    await writeFile(join(root, 'AGENTS.override.md'), '# local only\n');
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(result.diagnostics.filter((d) => d.rule === 'docs/shim').map((d) => d.file)).toEqual([
      'pkg/AGENTS.override.md',
    ]);
  });

  it('checks links against the files git knows: an ignored build output is missing', async () => {
    const root = await writeGitRepo(
      { '.gitignore': 'site/\n', 'AGENTS.md': '[api](site/api.md)\n', 'site/api.md': '# built\n' },
      '2026-01-01T12:00:00Z',
    );
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(result.diagnostics.map((d) => [d.rule, d.target])).toEqual([['docs/broken-link', 'site/api.md']]);
  });

  it('never reads node_modules, even when .gitignore does not list it', async () => {
    const root = await writeGitRepo({ 'AGENTS.md': '# map\n' }, '2026-01-01T12:00:00Z');
    await mkdir(join(root, 'node_modules/pkg'), { recursive: true });
    await writeFile(join(root, 'node_modules/pkg/README.md'), '[gone](nowhere.md)\n');
    expect((await checkDocs({ root, config: docsConfig(), cache: false })).diagnostics).toEqual([]);
  });

  it('skips docs/stale on a shallow clone and says so', async () => {
    const origin = await writeGitRepo(
      { 'AGENTS.md': '[x](src/x.ts)\n', 'src/x.ts': 'export {};\n' },
      '2025-01-01T12:00:00Z',
    );
    await writeFile(join(origin, 'src/x.ts'), 'export const x = 1;\n');
    git(origin, ['commit', '-qam', 'code'], '2025-06-01T12:00:00Z');
    const scratch = await mkdtemp(join(tmpdir(), 'harness-docs-shallow-'));
    onTestFinished(() => rm(scratch, { recursive: true, force: true }));
    const clone = join(scratch, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const shallow = await checkDocs({ root: clone, config: docsConfig(), cache: false });
    expect(shallow.notes).toContain(
      'docs: docs/stale skipped: this is a shallow clone, so git history is incomplete (fetch with fetch-depth: 0 to check staleness).',
    );
    expect(shallow.diagnostics).toEqual([]);
    const full = await checkDocs({ root: origin, config: docsConfig(), cache: false });
    expect(full.diagnostics.map((d) => d.rule)).toEqual(['docs/stale']);
  });

  it('works outside git, on the files on disk, and says so', async () => {
    const root = await writeGitRepo({ 'AGENTS.md': '[a](docs/a.md)\n', 'docs/a.md': '# a\n' }, '2026-01-01T12:00:00Z');
    await rm(join(root, '.git'), { recursive: true, force: true });
    await rename(join(root, 'docs/a.md'), join(root, 'docs/b.md'));
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(result.notes[0]).toContain('not a git work tree');
    expect(result.diagnostics.map((d) => [d.rule, d.target ?? d.file])).toEqual([
      ['docs/broken-link', 'docs/a.md'],
      ['docs/orphan', 'docs/b.md'],
    ]);
  });
});
