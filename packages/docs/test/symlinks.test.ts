// Symbolic links in the checked tree: the docs check reads and writes only inside the work tree.
// Outside git the tree is walked without following links (a link to `/` or a loop would never
// end); a markdown file that links out of the tree is not read; `--fix` never writes through a link.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkDocs } from '../src/check-docs.js';
import { buildDocsModel } from '../src/docs-model.js';
import { docsCacheFile, ParseCache } from '../src/parse-cache.js';
import { docsConfig, writeGitRepo, writeTempRepo } from '../src/temp-repo.fixture.js';

async function outsideFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'harness-docs-outside-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'deep'));
  await writeFile(join(dir, 'deep/secret.md'), '# Secret\n\n[gone](nowhere.md)\n');
  return dir;
}

describe('symbolic links in the tree', () => {
  it('outside git, walks the tree without following links out of it or round a loop', async () => {
    const outside = await outsideFolder();
    const root = await writeTempRepo(
      { 'AGENTS.md': '# Map\n\n[Guide](docs/guide.md)\n', 'docs/guide.md': '# Guide\n' },
      { 'docs/out': outside, 'docs/loop': '..', 'docs/root': '/', 'docs/secret.md': join(outside, 'deep/secret.md') },
    );
    const model = await buildDocsModel({ root, config: docsConfig() });
    expect([...model.docs.keys()]).toEqual(['AGENTS.md', 'docs/guide.md']);
    expect([...model.files].filter((f) => f.includes('secret') || f.includes('loop/'))).toEqual(['docs/secret.md']);
    expect(model.notes).toEqual([
      'docs: docs/secret.md not read: it is a symbolic link to a file outside the repository.',
    ]);
  });

  it('in git, reads a tracked markdown link inside the tree and not one that points out of it', async () => {
    const outside = await outsideFolder();
    const root = await writeGitRepo({ 'AGENTS.md': '# Map\n\nSee [Claude](CLAUDE.md).\n' }, '2026-01-01T12:00:00Z', {
      'CLAUDE.md': 'AGENTS.md',
      'docs/secret.md': join(outside, 'deep/secret.md'),
    });
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    expect(result.diagnostics.filter((d) => d.file === 'docs/secret.md')).toEqual([]);
    expect(result.notes).toContain(
      'docs: docs/secret.md not read: it is a symbolic link to a file outside the repository.',
    );
    expect(result.files).toBe(2);
  });

  it('does not read or write the parse cache through a .harness folder that links out of the repository', async () => {
    const outside = await outsideFolder();
    await mkdir(join(outside, 'cache'));
    await writeFile(
      join(outside, 'cache/docs.json'),
      JSON.stringify({
        version: 3,
        entries: { k: { links: [], runs: [], headings: [], anchors: [], frontmatter: { kind: 'none' } } },
      }),
    );
    const root = await writeGitRepo({ 'AGENTS.md': '# Map\n' }, '2026-01-01T12:00:00Z', { '.harness': outside });
    const result = await checkDocs({ root, config: docsConfig() });
    expect(
      result.notes.some((n) => n.startsWith('docs: could not write .harness/cache/docs.json (refusing to write')),
    ).toBe(true);
    expect((await readdir(outside)).sort()).toEqual(['cache', 'deep']);
    expect(await readdir(join(outside, 'cache'))).toEqual(['docs.json']);
    expect(ParseCache.load(root, docsCacheFile).empty).toBe(true);
  });
});
