import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as DiagnosticsModule from 'agent-harness-diagnostics';
import type * as ModelModule from '../docs-model.js';
import type * as GitModule from '../git.js';
import { docsConfig, git, writeGitRepo } from '../temp-repo.fixture.js';
import type * as RuleModule from './broken-link.js';

// A clone whose objects git cannot read (a damaged or partial clone): `git log --follow` fails.
// Test files share modules here (isolate: false), so the mock is applied to fresh copies only.
async function withUnreadableHistory(): Promise<{
  buildDocsModel: typeof ModelModule.buildDocsModel;
  brokenLink: typeof RuleModule.brokenLink;
}> {
  vi.resetModules();
  vi.doMock('../git.js', async (importOriginal) => {
    // The error class of the fresh module graph, the one the rule checks against.
    const { HarnessError } = await vi.importActual<typeof DiagnosticsModule>('agent-harness-diagnostics');
    return {
      ...(await importOriginal<typeof GitModule>()),
      readFileVersions: () =>
        Promise.reject(
          new HarnessError('GIT_FAILED', 'cannot read the history: fatal: unable to read 5194', { fix: 'x' }),
        ),
    };
  });
  const [{ buildDocsModel }, { brokenLink }] = await Promise.all([
    import('../docs-model.js'),
    import('./broken-link.js'),
  ]);
  return { buildDocsModel, brokenLink };
}

afterEach(() => {
  vi.doUnmock('../git.js');
  vi.resetModules();
});

describe('docs/broken-link when git cannot read a file history', () => {
  it('still reports the missing anchors, and says once that renamed headings were not looked up', async () => {
    const root = await writeGitRepo(
      { 'AGENTS.md': '[a](docs/a.md#gone) [b](docs/b.md#gone)\n', 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' },
      '2026-01-01T12:00:00Z',
    );
    for (const f of ['docs/a.md', 'docs/b.md']) git(root, ['mv', f, f.replace('.md', '-x.md')]);
    git(root, ['commit', '-qm', 'rename'], '2026-01-02T12:00:00Z');
    for (const f of ['docs/a.md', 'docs/b.md']) git(root, ['mv', f.replace('.md', '-x.md'), f]);
    git(root, ['commit', '-qm', 'back'], '2026-01-03T12:00:00Z');
    const { buildDocsModel, brokenLink } = await withUnreadableHistory();
    const model = await buildDocsModel({ root, config: docsConfig() });
    expect((await brokenLink.check(model)).map((f) => f.target)).toEqual(['docs/a.md#gone', 'docs/b.md#gone']);
    expect(model.notes.filter((n) => n.includes('renamed headings'))).toEqual([
      expect.stringContaining('fatal: unable to read 5194'),
    ]);
  });
});
