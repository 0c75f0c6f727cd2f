import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { command } from './command.js';

const pkg = JSON.stringify({ scripts: { build: 'tsc', 'test:unit': 'vitest' }, devDependencies: { vitest: '1' } });

describe('docs/command', () => {
  it('reports scripts, make targets and just recipes the repository does not define', async () => {
    const model = await modelOf({
      'package.json': pkg,
      Makefile: 'build:\n\tgo build\n.PHONY: build\n',
      justfile: 'fmt:\n    cargo fmt\n',
      'AGENTS.md': [
        '- `pnpm run lint`',
        '- `npm run typecheck`',
        '',
        '```sh',
        'make test',
        'just deploy prod',
        'yarn e2e',
        '```',
      ].join('\n'),
    });
    expect((await command.check(model)).map((f) => [f.target, f.line])).toEqual([
      ['pnpm lint', 1],
      ['npm typecheck', 2],
      ['make test', 4],
      ['just deploy', 4],
      ['yarn e2e', 4],
    ]);
  });

  it('takes a placeholder for a script name (yarn X, npm run <script>, pnpm run [name], make TARGET) for what it is', async () => {
    const model = await modelOf({
      'package.json': pkg,
      Makefile: 'build:\n\tgo build\n',
      'AGENTS.md': [
        'Run any script with `yarn X`, `npm run <script>`, `pnpm run [name]`, `pnpm run {script}`, `pnpm run $SCRIPT`, `pnpm run SCRIPT_NAME`, `pnpm run ...`, `pnpm run …`, `make TARGET` or `pnpm run lint`.',
      ].join('\n'),
    });
    expect((await command.check(model)).map((f) => f.target)).toEqual(['pnpm lint']);
  });

  it('never looks outside the repository for a binary: a name that climbs out of node_modules/.bin is a name nothing provides', async () => {
    const model = await modelOf({ 'package.json': pkg, 'AGENTS.md': `\`pnpm ${'../'.repeat(30)}bin/sh\`\n` });
    expect((await command.check(model)).map((f) => f.target)).toEqual([`pnpm ${'../'.repeat(30)}bin/sh`]);
  });

  it('says when there is no Makefile at all', async () => {
    const findings = await command.check(await modelOf({ 'AGENTS.md': '`make check`\n' }));
    expect(findings[0]?.message).toContain('the repository has no Makefile');
  });

  it('accepts defined scripts (in any workspace package), builtins, binaries of dependencies, and commands in prose or other files', async () => {
    const model = await modelOf({
      'package.json': pkg,
      'packages/web/package.json': JSON.stringify({ scripts: { dev: 'vite' } }),
      Makefile: 'build test:\n\tgo build\n',
      'AGENTS.md': [
        '`pnpm install` `pnpm build` `pnpm test:unit` `pnpm --filter web run dev` `pnpm vitest` `npm ci` `make build test` `pnpm exec tsc`',
        '',
        'Never run pnpm run nuke in prose.',
      ].join('\n'),
      'docs/guide.md': '`pnpm run only-in-docs`\n',
    });
    expect(await command.check(model)).toEqual([]);
  });
});
