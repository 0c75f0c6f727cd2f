// Paths from user data that must never reach git or leave the work tree: a code span that climbs
// out of the repository, one under a symbolic link, thousands of missing paths after them (so that
// git, stopping at the first bad path, would close its stdin while harness still writes to it).
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocs } from '../src/check-docs.js';
import { docsConfig, git, writeGitRepo } from '../src/temp-repo.fixture.js';

const missingLines = (count: number): string =>
  Array.from({ length: count }, (_, i) => `- \`src/missing/some/deeper/folder/file${i}.ts\`\n`).join('');

describe('docs/missing-path with paths git must not be given', () => {
  it('survives a path leaving the repository before 3,000 missing paths, and still knows the ignored ones', async () => {
    const root = await writeGitRepo(
      {
        'src/a.ts': 'export {}\n',
        '.gitignore': 'src/generated/\n',
        'AGENTS.md': `# Map\n\nSee \`/src/../../outside.ts\` and \`src/link/inside.ts\`.\nBuilt: \`src/generated/api.ts\`.\n\n${missingLines(3000)}`,
      },
      '2026-01-01T12:00:00Z',
      { 'src/link': '../..' },
    );
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    const missing = result.diagnostics.filter((d) => d.rule === 'docs/missing-path').map((d) => d.target);
    expect(result.notes.filter((n) => n.includes('skipped'))).toEqual([]);
    expect(missing).toHaveLength(3000);
    expect(missing).not.toContain('src/generated/api.ts');
    expect(missing).not.toContain('/src/../../outside.ts');
    expect(missing).not.toContain('src/link/inside.ts');
  });

  it('never asks git about a path under an untracked, ignored symbolic link', async () => {
    const root = await writeGitRepo(
      {
        'src/a.ts': 'export {}\n',
        '.gitignore': 'src/cache\nsrc/generated/\n',
        'AGENTS.md': `\`src/cache/x.ts\` \`src/generated/y.ts\` \`src/gone.ts\`\n${missingLines(2000)}`,
      },
      '2026-01-01T12:00:00Z',
    );
    await symlink('/', join(root, 'src/cache'));
    await writeFile(join(root, 'notes.txt'), 'untracked\n');
    git(root, ['status', '--short']);
    const result = await checkDocs({ root, config: docsConfig(), cache: false });
    const missing = result.diagnostics.filter((d) => d.rule === 'docs/missing-path').map((d) => d.target);
    expect(result.notes.filter((n) => n.includes('skipped'))).toEqual([]);
    expect(missing).toContain('src/gone.ts');
    // Under an ignored link: git is asked about the link itself, which it ignores.
    expect(missing).not.toContain('src/cache/x.ts');
    expect(missing).not.toContain('src/generated/y.ts');
    expect(missing).toHaveLength(2001);
  });
});
