import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { brokenLink } from './broken-link.js';

const guide = [
  '# Guide',
  '',
  '## Usage',
  '',
  'first',
  '',
  '## Usage',
  '',
  'second',
  '',
  '## `harness check` flags',
  '',
].join('\n');

describe('docs/broken-link', () => {
  it('reports a relative link to a missing file, naming the one file with that name', async () => {
    const model = await modelOf({
      'AGENTS.md': '[arch](docs/architecture.md)\n',
      'docs/design/architecture.md': '# A\n',
    });
    const findings = await brokenLink.check(model);
    expect(findings).toMatchObject([{ file: 'AGENTS.md', line: 1, column: 1, target: 'docs/architecture.md' }]);
    expect(findings[0]?.fix).toContain(
      'It most likely meant docs/design/architecture.md: change the link to docs/design/architecture.md',
    );
  });

  it('checks cross-file anchors with GitHub slugs, duplicates numbered -1', async () => {
    const model = await modelOf({
      'AGENTS.md': [
        '[a](docs/guide.md#usage) [b](docs/guide.md#usage-1) [c](docs/guide.md#harness-check-flags) [d](docs/guide.md#usage-2)',
        '',
        '[e](#nowhere)',
      ].join('\n'),
      'docs/guide.md': guide,
    });
    const findings = await brokenLink.check(model);
    expect(findings.map((f) => f.target)).toEqual(['docs/guide.md#usage-2', 'AGENTS.md#nowhere']);
    expect(findings[0]?.fix).toContain('#usage');
  });

  it('counts reference definitions and images; links in code are not links', async () => {
    const model = await modelOf({
      'AGENTS.md': [
        '![logo](img/logo.png)',
        '',
        '[x][ref]',
        '',
        '`[no](gone.md)`',
        '',
        '```',
        '[no](gone.md)',
        '```',
        '',
        '[ref]: docs/missing.md',
      ].join('\n'),
    });
    expect((await brokenLink.check(model)).map((f) => [f.target, f.line])).toEqual([
      ['img/logo.png', 1],
      ['docs/missing.md', 11],
    ]);
  });

  it('accepts existing files, folders, repository-rooted links and URLs', async () => {
    const model = await modelOf({
      'AGENTS.md':
        '[a](docs/) [b](/docs/guide.md#usage) [c](https://example.com/x.md) [d](mailto:a@b.c) [e](src/a.ts#L3)\n',
      'docs/guide.md': guide,
      'src/a.ts': 'export {};\n',
    });
    expect(await brokenLink.check(model)).toEqual([]);
  });

  it('reports a link that leaves the repository', async () => {
    const model = await modelOf({ 'AGENTS.md': '[up](../other/README.md)\n' });
    expect(await brokenLink.check(model)).toMatchObject([{ target: '../other/README.md' }]);
  });
});

describe('docs/broken-link, submodules', () => {
  it('does not judge links into a submodule (a path git lists as one file)', async () => {
    const model = await modelOf({ 'AGENTS.md': '[x](vendor-lib/docs/guide.md)\n', 'vendor-lib': 'gitlink stand-in' });
    expect(await brokenLink.check(model)).toEqual([]);
  });
});
