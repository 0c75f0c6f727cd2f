import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { absolutePath } from './absolute-path.js';

describe('docs/absolute-path', () => {
  it("reports links, code spans and prose naming one machine's files", async () => {
    const model = await modelOf({
      'AGENTS.md': [
        '[spec](/Users/ana/work/spec.md)',
        '',
        'Config lives in `/home/bob/.config/app.toml`.',
        '',
        'On Windows: C:\\Users\\ana\\repo',
      ].join('\n'),
    });
    expect((await absolutePath.check(model)).map((f) => [f.line, f.target])).toEqual([
      [1, '/Users/ana/work/spec.md'],
      [3, '/home/bob/.config/app.toml'],
      [5, 'C:\\Users\\ana\\repo'],
    ]);
  });

  it('accepts relative and home-relative paths, and examples in code blocks', async () => {
    const model = await modelOf({
      'AGENTS.md': [
        '[spec](docs/spec.md) `~/.codex/config.toml` `$HOME/.cache`',
        '',
        '```',
        'cd /home/ana/repo',
        '```',
      ].join('\n'),
    });
    expect(await absolutePath.check(model)).toEqual([]);
  });
});

describe('docs/absolute-path, examples and records', () => {
  it('skips placeholder users, the GitHub Actions runner and completed execution plans', async () => {
    const model = await modelOf({
      'docs/setup.md': 'Point it at `/Users/you/Documents/vault` or `/home/runner/work/x`.\n',
      'docs/exec-plans/completed/01.md': 'Ran in `/home/ana/work/repo`.\n',
    });
    expect(await absolutePath.check(model)).toEqual([]);
  });
});
