import { HarnessError } from '@harness/diagnostics';
import { describe, expect, it, vi } from 'vitest';
import { buildDocsModel } from '../docs-model.js';
import type * as GitModule from '../git.js';
import { docsConfig, git, writeGitRepo } from '../temp-repo.fixture.js';
import { brokenLink } from './broken-link.js';

// A clone whose objects git cannot read (a damaged or partial clone): `git log --follow` fails.
vi.mock('../git.js', async (importOriginal) => ({
  ...(await importOriginal<typeof GitModule>()),
  readFileVersions: () => Promise.reject(new HarnessError('GIT_FAILED', 'cannot read the history: fatal: unable to read 5194', { fix: 'x' })),
}));

describe('docs/broken-link when git cannot read a file history', () => {
  it('still reports the missing anchors, and says once that renamed headings were not looked up', async () => {
    const root = await writeGitRepo({ 'AGENTS.md': '[a](docs/a.md#gone) [b](docs/b.md#gone)\n', 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' }, '2026-01-01T12:00:00Z');
    for (const f of ['docs/a.md', 'docs/b.md']) git(root, ['mv', f, f.replace('.md', '-x.md')]);
    git(root, ['commit', '-qm', 'rename'], '2026-01-02T12:00:00Z');
    for (const f of ['docs/a.md', 'docs/b.md']) git(root, ['mv', f.replace('.md', '-x.md'), f]);
    git(root, ['commit', '-qm', 'back'], '2026-01-03T12:00:00Z');
    const model = await buildDocsModel({ root, config: docsConfig() });
    expect((await brokenLink.check(model)).map((f) => f.target)).toEqual(['docs/a.md#gone', 'docs/b.md#gone']);
    expect(model.notes.filter((n) => n.includes('renamed headings'))).toEqual([expect.stringContaining('fatal: unable to read 5194')]);
  });
});
