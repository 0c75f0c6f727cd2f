import { describe, expect, it } from 'vitest';
import { frontmatterKeys, proposeDocsConfig } from './propose-docs-config.js';
import type { RepoFacts } from './repo-facts.js';

/** Facts with only what the docs proposal reads: the files, and their texts through `read`. */
function propose(texts: Record<string, string>) {
  const facts = { root: '/repo', files: Object.keys(texts).sort() } as unknown as RepoFacts;
  return proposeDocsConfig(facts, 150, (path) => texts[path]);
}

const doc = (keys: Record<string, string>, title = 'Page') =>
  `---\n${Object.entries(keys)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n# ${title}\n`;

describe('frontmatterKeys', () => {
  it('reads the top-level keys with a value, and nothing from text that is not front matter', () => {
    expect(frontmatterKeys('---\ntitle: A\nempty:\ntags: [x]\n---\n# A\n')).toEqual(['title', 'tags']);
    expect(frontmatterKeys('# A\n\n---\ntitle: A\n---\n')).toEqual([]);
    expect(frontmatterKeys('---\n- a list\n---\n')).toEqual([]);
    expect(frontmatterKeys('---\ntitle: [unclosed\n---\n')).toEqual([]);
  });
});

describe('proposeDocsConfig', () => {
  it('requires a key only where at least 90% of a folder’s documents carry it', () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 10; i++)
      texts[`docs/guides/g${i}.md`] = doc(i < 9 ? { title: 'G', audience: 'ops' } : { title: 'G' });
    for (let i = 0; i < 10; i++) texts[`docs/notes/n${i}.md`] = doc(i < 8 ? { owner: 'me' } : {});
    expect(propose(texts).section.frontmatter).toEqual({ 'docs/guides/**': ['title', 'audience'] });
  });

  it('requires nothing when the docs carry no front matter, or there are none', () => {
    expect(propose({ 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' }).section.frontmatter).toEqual({});
    expect(propose({ 'src/a.ts': '' }).section.frontmatter).toEqual({});
    expect(propose({ 'src/a.ts': '' }).explanation.join('\n')).toContain('No front matter is required');
  });

  it('leaves out of the globs the pages init writes: the root pages and the index of a folder it merges', () => {
    const { section, layout } = propose({
      'docs/guide.md': doc({ title: 'Guide' }),
      'docs/faq.md': doc({ title: 'FAQ' }),
      'docs/adr/0001-a.md': doc({ status: 'accepted' }),
      'docs/adr/0002-b.md': doc({ status: 'proposed' }),
    });
    expect(section.frontmatter).toEqual({
      'docs/!(index|architecture).md': ['title'],
      'docs/adr/**/!(index).md': ['status'],
    });
    expect(layout.roles.find((r) => r.key === 'design')).toEqual({ key: 'design', dir: 'docs/adr', existing: true });
  });

  it('finds existing plans folders, under docs/ or at the root', () => {
    const plans = (files: Record<string, string>) => propose(files).layout.roles.find((r) => r.key === 'plans');
    expect(plans({ 'docs/exec-plans/active/a.md': '# A\n' })).toMatchObject({ dir: 'docs/exec-plans', existing: true });
    expect(plans({ 'docs/plans/a.md': '# A\n' })).toMatchObject({ dir: 'docs/plans', existing: true });
    expect(plans({ 'plans/a.md': '# A\n' })).toMatchObject({ dir: 'plans', existing: true });
    expect(plans({ 'src/a.ts': '' })).toMatchObject({ dir: 'docs/exec-plans', existing: false });
  });

  it('a docs site publishing docs/: the knowledge base is agent-docs/, and the site’s pages keep their keys', () => {
    const { section, explanation } = propose({
      'website/docusaurus.config.js': "export default { presets: [['classic', { docs: { path: '../docs' } }]] };",
      'docs/intro.mdx': doc({ id: 'intro', title: 'Intro' }),
      'docs/guide/setup.mdx': doc({ id: 'setup', title: 'Setup' }),
    });
    expect(section.root).toBe('agent-docs');
    expect(section.frontmatter).toEqual({ 'docs/**': ['id', 'title'] });
    expect(explanation.join('\n')).toContain('website/docusaurus.config.js is a Docusaurus site');
  });

  it('a VitePress site elsewhere leaves docs/ as the knowledge base', () => {
    const { section } = propose({ 'site/.vitepress/config.ts': 'export default {}', 'site/index.md': '# Home\n' });
    expect(section.root).toBe('docs');
  });
});
