import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { orphan } from './orphan.js';

describe('docs/orphan', () => {
  it('reports docs no link or mention from the map reaches; an orphaned active exec plan is an error', async () => {
    const model = await modelOf({
      'AGENTS.md': '- [architecture](docs/architecture.md)\n- design docs: `docs/design-docs/`\n',
      'docs/architecture.md': 'See [beliefs](design-docs/core-beliefs.md).\n',
      'docs/design-docs/index.md': '# Design docs\n',
      'docs/design-docs/core-beliefs.md': '# Beliefs\n',
      'docs/lonely.md': '# nobody links here\n',
      'docs/exec-plans/active/migrate.md': '# plan\n',
      'docs/exec-plans/completed/old.md': '# done\n',
      'docs/generated/db-schema.md': '# generated\n',
    });
    const findings = await orphan.check(model);
    expect(findings.map((f) => [f.file, f.severity])).toEqual([
      ['docs/exec-plans/active/migrate.md', 'error'],
      ['docs/lonely.md', 'warning'],
    ]);
    expect(findings[1]?.fix).toContain('Link it from AGENTS.md');
  });

  it('follows links transitively from nested AGENTS.md files, and a folder without an index reaches every file in it', async () => {
    const model = await modelOf({
      'AGENTS.md': '# map\n',
      'pkg/AGENTS.md': 'Read [the references](../docs/references/).\n',
      'docs/references/a.md': 'Then `docs/deep/b.md`.\n',
      'docs/references/c.md': '# c\n',
      'docs/deep/b.md': '# b\n',
    });
    expect(await orphan.check(model)).toEqual([]);
  });

  it('exempts docs.ignore globs', async () => {
    const model = await modelOf(
      { 'AGENTS.md': '# map\n', 'docs/notes/x.md': '# x\n' },
      { config: { ignore: ['docs/notes/**'] } },
    );
    expect(await orphan.check(model)).toEqual([]);
  });

  it('takes the whole repository as the knowledge base with root "."', async () => {
    const model = await modelOf(
      { 'AGENTS.md': '[a](notes/a.md)\n', 'notes/a.md': '# a\n', 'notes/b.md': '# b\n' },
      { config: { root: '.' } },
    );
    expect((await orphan.check(model)).map((f) => f.file)).toEqual(['notes/b.md']);
  });
});
