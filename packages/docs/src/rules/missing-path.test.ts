import { describe, expect, it } from 'vitest';
import { modelOf } from '../temp-repo.fixture.js';
import { missingPath } from './missing-path.js';

describe('docs/missing-path', () => {
  it('reports a path in a code span that resolves nowhere', async () => {
    const model = await modelOf({ 'AGENTS.md': 'The entry is `src/server/main.ts:12`.\n', 'src/app.ts': '' });
    expect(await missingPath.check(model)).toMatchObject([
      { file: 'AGENTS.md', line: 1, target: 'src/server/main.ts', severity: 'warning' },
    ]);
  });

  it('names the one file with that name in the fix', async () => {
    const model = await modelOf({ 'docs/a.md': 'See `src/old/handler.ts`.\n', 'src/new/handler.ts': '' });
    expect((await missingPath.check(model))[0]?.fix).toContain('It most likely means src/new/handler.ts.');
  });

  it('resolves from the doc folder, the root, package roots, a unique suffix, package names, build output and globs', async () => {
    const model = await modelOf({
      'package.json': '{"name":"root","dependencies":{"vitest":"1"}}',
      'packages/core/package.json': '{"name":"@acme/core"}',
      'packages/core/src/index.ts': '',
      'docs/guide/setup.md':
        [
          '`./intro.md`',
          '`src/index.ts`',
          '`packages/core/src/`',
          '`core/src/index.ts`',
          '`@acme/core/src/x.ts`',
          '`vitest/config`',
          '`dist/index.js`',
          '`packages/*/src/**/*.ts`',
          '`docs/guide/`',
        ].join(' ') + '\n',
      'docs/guide/intro.md': '',
    });
    expect(await missingPath.check(model)).toEqual([]);
  });

  it("in a guide, a folder found only in other packages (`src/` of a reader's app) does not make a path this repository's", async () => {
    const model = await modelOf({
      'package.json': '{"name":"root","workspaces":["packages/*"]}',
      'packages/core/package.json': '{"name":"@acme/core"}',
      'packages/core/src/index.ts': '',
      'docs/how-to/auth.md':
        'Create `src/auth/provider.tsx` and `src/routes/sign-in.tsx`; see `docs/how-to/gone.md`.\n',
      'packages/core/README.md': 'See `src/old.ts`.\n',
      'AGENTS.md': 'Entry: `src/main.ts`.\n',
    });
    expect((await missingPath.check(model)).map((f) => `${f.file} ${f.target}`)).toEqual([
      'AGENTS.md src/main.ts',
      'docs/how-to/auth.md docs/how-to/gone.md',
      'packages/core/README.md src/old.ts',
    ]);
  });

  it('does not take prose, URLs, commands or options for paths', async () => {
    const model = await modelOf({
      'AGENTS.md':
        [
          '`CPU/CUDA`',
          '`docs/stale-baseline`',
          '`and/or`',
          '`owner/repo`',
          '`https://x.dev/a/b.ts`',
          '`pnpm run build`',
          '`node:fs/promises`',
          '`--out-dir=dist/x`',
          '`packages/<name>/src`',
          '`~/.codex/config.toml`',
          '`text/html`',
        ].join(' ') + '\n',
      'packages/a/package.json': '{}',
    });
    expect(await missingPath.check(model)).toEqual([]);
  });

  it('reports a path only when its first folder exists', async () => {
    const model = await modelOf({
      'AGENTS.md':
        '`packages/gone/` `layers/forward-only` `packages/a/y.ts` `.codex/config.toml` `exec-plans/active/`\n',
      'packages/a/x.ts': '',
    });
    expect((await missingPath.check(model)).map((f) => f.target)).toEqual(['packages/gone/', 'packages/a/y.ts']);
  });

  it('reports a path without extension only when it is written as a folder or is a well-known file name', async () => {
    const model = await modelOf({
      'AGENTS.md': '`docs/stale` `docs/api/users` `docs/Makefile` `docs/old/`\n',
      'docs/a.md': '',
    });
    expect((await missingPath.check(model)).map((f) => f.target)).toEqual(['docs/Makefile', 'docs/old/']);
  });
});

describe('docs/missing-path, records and submodules', () => {
  it('skips completed execution plans and paths inside a submodule', async () => {
    const model = await modelOf({
      'docs/exec-plans/completed/01.md': '`src/old.ts`\n',
      'docs/design.md': '`vendor-lib/src/x.ts`\n',
      'vendor-lib': 'gitlink stand-in',
      'src/a.ts': '',
    });
    expect(await missingPath.check(model)).toEqual([]);
  });
});
