import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { shim } from './shim.js';

const agents = '# AGENTS.md\n\n- Build: `pnpm build`\n';

describe('docs/shim', () => {
  it('accepts a CLAUDE.md symlink, an @AGENTS.md import, and an identical copy', async () => {
    const model = await modelOf(
      {
        'AGENTS.md': agents,
        'GEMINI.md': '@./AGENTS.md\n\nGemini-only notes.\n',
        '.github/copilot-instructions.md': agents,
        'pkg/AGENTS.md': agents,
        'pkg/CLAUDE.md': '@AGENTS.md\n',
      },
      { symlinks: { 'CLAUDE.md': 'AGENTS.md' } },
    );
    expect(await shim.check(model)).toEqual([]);
  });

  it('reports a CLAUDE.md that only links to AGENTS.md, since Claude Code never follows the link', async () => {
    const model = await modelOf({ 'AGENTS.md': agents, 'CLAUDE.md': '# Claude\n\nSee [AGENTS.md](AGENTS.md).\n' });
    const findings = await shim.check(model);
    expect(findings).toMatchObject([{ file: 'CLAUDE.md', line: 3, target: 'AGENTS.md' }]);
    expect(findings[0]?.message).toContain('plain link');
    expect(findings[0]?.fix).toContain('`@AGENTS.md`');
  });

  it('reports a diverging copy and a symlink to the wrong file', async () => {
    const model = await modelOf(
      { 'AGENTS.md': agents, '.github/copilot-instructions.md': '# Old instructions\n', 'OTHER.md': '# x\n' },
      { symlinks: { 'GEMINI.md': 'OTHER.md' } },
    );
    const findings = await shim.check(model);
    expect(findings.map((f) => f.file).sort()).toEqual(['.github/copilot-instructions.md', 'GEMINI.md']);
  });
});
