import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { importRule } from './import.js';

describe('docs/import', () => {
  it('accepts imports that exist, within 5 hops; ignores @ in code, mail addresses and @mentions', async () => {
    const model = await modelOf({
      'AGENTS.md': '# map\n',
      'CLAUDE.md': '@AGENTS.md\n\nAlso @docs/a.md. Ask @alice, mail a@b.co, run `@docs/gone.md`.\n',
      'docs/a.md': '@b.md\n',
      'docs/b.md': '# b\n',
    });
    expect(await importRule.check(model)).toEqual([]);
  });

  it('reports a missing target', async () => {
    const model = await modelOf({ 'CLAUDE.md': '# Claude\n\n@docs/conventions.md\n' });
    expect(await importRule.check(model)).toMatchObject([
      { file: 'CLAUDE.md', line: 3, column: 1, target: 'docs/conventions.md' },
    ]);
  });

  it('reports a cycle', async () => {
    const model = await modelOf({ 'GEMINI.md': '@docs/a.md\n', 'docs/a.md': '@b.md\n', 'docs/b.md': '@a.md\n' });
    const findings = await importRule.check(model);
    expect(findings).toMatchObject([{ file: 'docs/b.md', target: 'docs/a.md' }]);
    expect(findings[0]?.message).toContain('GEMINI.md → docs/a.md → docs/b.md → docs/a.md');
  });

  it('reports an import more than 5 hops deep', async () => {
    const files: Record<string, string> = { 'CLAUDE.md': '@d1.md\n' };
    for (let i = 1; i <= 6; i++) files[`d${i}.md`] = `@d${i + 1}.md\n`;
    files['d7.md'] = '# end\n';
    const findings = await importRule.check(await modelOf(files));
    expect(findings).toMatchObject([{ file: 'd5.md', target: 'd6.md' }]);
  });
});
