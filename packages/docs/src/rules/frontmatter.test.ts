import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { frontmatter } from './frontmatter.js';

const config = { frontmatter: { 'docs/design-docs/**': ['owner', 'status', 'last-reviewed'] } };

describe('docs/frontmatter', () => {
  it('reports absent and empty keys, and front matter that is not YAML', async () => {
    const model = await modelOf(
      {
        'docs/design-docs/none.md': '# No front matter\n',
        'docs/design-docs/partial.md': '---\nowner: ana\nstatus:\n---\n# Partial\n',
        'docs/design-docs/broken.md': '---\nowner: [ana\n---\n# Broken\n',
        'docs/other.md': '# not matched by any glob\n',
      },
      { config },
    );
    const findings = await frontmatter.check(model);
    expect(findings.map((f) => [f.file, f.target])).toEqual([
      ['docs/design-docs/broken.md', undefined],
      ['docs/design-docs/none.md', 'owner,status,last-reviewed'],
      ['docs/design-docs/partial.md', 'status,last-reviewed'],
    ]);
    expect(findings[0]?.message).toContain('is not valid YAML');
  });

  it('accepts a doc with every required key', async () => {
    const model = await modelOf(
      { 'docs/design-docs/ok.md': '---\nowner: ana\nstatus: accepted\nlast-reviewed: 2026-11-01\n---\n# OK\n' },
      { config },
    );
    expect(await frontmatter.check(model)).toEqual([]);
  });
});
