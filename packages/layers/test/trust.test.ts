// Hostile and broken inputs (issue 15): a check that could not see the graph must not pass, and
// the walk never leaves the repository. Each case is a small repo built in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayersConfig } from 'agent-harness-config';
import { sectionDefaults } from 'agent-harness-config';
import { HarnessError } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from '../src/check-layers.js';
import { brief } from './copy-fixture.js';
import type { TempRepo } from './temp-repo.js';
import { createTempRepo } from './temp-repo.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of cleanup.splice(0)) await remove();
});

async function repo(files: Record<string, string>, options: { git?: boolean } = {}): Promise<TempRepo> {
  const created = await createTempRepo(files, options);
  cleanup.push(() => created.remove());
  return created;
}

const layers = (config: Partial<LayersConfig> = {}): LayersConfig => ({ ...sectionDefaults('layers'), ...config });
const check = (root: string, config: Partial<LayersConfig> = {}) =>
  checkLayers({ root, config: layers(config), cache: false });
const edgesOf = (result: Awaited<ReturnType<typeof check>>) =>
  result.graph.files.flatMap((f) =>
    f.imports.map(
      (i) => `${f.path}:${i.line} ${i.specifier} → ${i.target.kind === 'file' ? i.target.path : i.target.kind}`,
    ),
  );

async function configError(run: Promise<unknown>): Promise<HarnessError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarnessError);
  return error as HarnessError;
}

describe('symlinks never lead the walk out of the repository', () => {
  it.each([true, false])(
    'git=%s: links to / and to a folder outside, a link loop, a linked file outside and a folder named like a file are not read',
    async (git) => {
      const outside = await realpath(await mkdtemp(join(tmpdir(), 'harness-layers-outside-')));
      cleanup.push(() => rm(outside, { recursive: true, force: true }));
      await writeFile(join(outside, 'evil.ts'), "import './nowhere.js';\n");
      const { root } = await repo({ 'src/a.ts': "import './b.js';\n", 'src/b.ts': 'export {};\n' }, { git: false });
      await symlink(outside, join(root, 'src/out'));
      await symlink(root, join(root, 'src/loop'));
      await symlink(join(outside, 'evil.ts'), join(root, 'src/leak.ts'));
      await symlink('/', join(root, 'src/slash'));
      await mkdir(join(root, 'src/folder.ts'));
      if (git) await createTempRepoGit(root);
      const result = await check(root);
      expect(result.graph.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
      expect(result.diagnostics).toEqual([]);
      // git lists the tracked link (not read, and said so); the walk does not list links at all.
      if (git)
        expect(result.notes.join('\n')).toContain(
          'did not read 1 symlink(s) that lead out of the repository: src/leak.ts',
        );
    },
  );

  it('the cache is not written through a .harness symlink that leads out of the repository', async () => {
    const outside = await realpath(await mkdtemp(join(tmpdir(), 'harness-layers-outside-')));
    cleanup.push(() => rm(outside, { recursive: true, force: true }));
    const { root } = await repo({ 'src/a.ts': 'export {};\n' });
    await symlink(outside, join(root, '.harness'));
    const result = await checkLayers({ root, config: layers() });
    expect(await readdir(outside)).toEqual([]);
    expect(result.notes.join('\n')).toContain(
      'did not write .harness/cache/layers.json: .harness is a symlink that leads out of the repository',
    );
  });

  it('the baseline is not written outside the repository', async () => {
    const { root } = await repo({ 'src/a.ts': "import './missing.js';\n" });
    for (const baseline of ['../outside-baseline.json', '/tmp/outside-baseline.json']) {
      const run = checkLayers({ root, config: layers({ baseline }), updateBaseline: true, cache: false });
      expect(await configError(run)).toMatchObject({ code: 'CONFIG_INVALID', place: { key: 'layers.baseline' } });
    }
  });

  it('a folder that an enclosing repository ignores is walked as a folder of its own', async () => {
    const { root } = await repo({ '.gitignore': 'inner/\n', 'inner/src/a.ts': 'export {};\n' });
    expect((await check(join(root, 'inner'))).graph.files.map((f) => f.path)).toEqual(['src/a.ts']);
  });

  it('in git, a git-ignored folder is not walked', async () => {
    const { root } = await repo({
      '.gitignore': 'build/\n',
      'src/a.ts': 'export {};\n',
      'build/out.js': "import '../nowhere.js';\n",
    });
    expect((await check(root)).graph.files.map((f) => f.path)).toEqual(['src/a.ts']);
  });
});

async function createTempRepoGit(root: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
}

describe('a UTF-8 byte order mark', () => {
  it.each(['ts', 'js'])('does not hide the first line of a .%s file', async (extension) => {
    const { root } = await repo({
      [`src/a.${extension}`]: `\uFEFFimport { b } from './b.js';\nexport const a = b;\n`,
      [`src/b.${extension}`]: 'export const b = 1;\n',
    });
    expect(edgesOf(await check(root))).toEqual([`src/a.${extension}:1 ./b.js → src/b.${extension}`]);
  });
});

describe('a tsconfig that cannot be read is a config error', () => {
  const source = { 'src/a.ts': "import { b } from './b.js';\n", 'src/b.ts': 'export const b = 1;\n' };

  it('invalid JSON: names the file, the line and the fix', async () => {
    const { root } = await repo({
      ...source,
      'tsconfig.json': '{\n  "compilerOptions": {\n    "outDir": "dist",,\n  }\n}\n',
    });
    const error = await configError(check(root));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.place).toMatchObject({ file: 'tsconfig.json', line: 3 });
    expect(error.fix).toMatch(/tsconfig\.json/);
  });

  it('an extends cycle and a missing extends target name the extends line', async () => {
    const cyclic = await repo({
      ...source,
      'tsconfig.json': '{\n  "extends": "./tsconfig.base.json"\n}\n',
      'tsconfig.base.json': '{ "extends": "./tsconfig.json" }\n',
    });
    expect((await configError(check(cyclic.root))).place).toMatchObject({ line: expect.any(Number) as number });
    const missing = await repo({ ...source, 'tsconfig.json': '{\n  // base\n  "extends": "./nope.json",\n}\n' });
    const error = await configError(check(missing.root));
    expect(error.place).toMatchObject({ file: 'tsconfig.json', line: 3 });
    expect(error.message).toContain('./nope.json');
  });

  it('reads an empty tsconfig, or one of comments only, as {} the way TypeScript does', async () => {
    // Seen in a real repository: an empty tsconfig.json in a test project made the whole check exit 2.
    for (const text of ['', '\n', '// nothing here\n', '/* none */']) {
      const { root } = await repo({ ...source, 'tsconfig.json': text });
      expect(edgesOf(await check(root))).toEqual(['src/a.ts:1 ./b.js → src/b.ts']);
    }
  });

  it('a broken tsconfig that no other tsconfig names decides no import: noted, not an error', async () => {
    // Seen in a real repository: an example's tsconfig.dev.json extending a file long gone.
    const { root } = await repo({
      ...source,
      'tsconfig.json': '{}',
      'examples/x/tsconfig.dev.json': '{ "extends": "../../tsconfig.base.json" }',
    });
    const result = await check(root);
    expect(edgesOf(result)).toEqual(['src/a.ts:1 ./b.js → src/b.ts']);
    expect(result.notes.join('\n')).toMatch(/skipped 1 tsconfig file\(s\).*examples\/x\/tsconfig\.dev\.json/);
    // Named by another tsconfig (extends or references), the same file is in use: an error again.
    const used = await repo({
      ...source,
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'tsconfig.base.json': '{ "compilerOptions": ,, }',
    });
    expect((await configError(check(used.root))).place).toMatchObject({ file: 'tsconfig.base.json' });
  });

  it('accepts JSONC: comments and trailing commas', async () => {
    const { root } = await repo({
      ...source,
      'tsconfig.json': '{\n  // the compiler\n  "compilerOptions": { /* out */ "outDir": "dist", },\n}\n',
    });
    expect(edgesOf(await check(root))).toEqual(['src/a.ts:1 ./b.js → src/b.ts']);
  });
});

describe('layers/unresolved', () => {
  const workspace = {
    'package.json': '{ "name": "mono", "private": true }',
    '.gitignore': 'dist/\nsrc/generated/\n',
    'packages/built/package.json':
      '{ "name": "@mono/built", "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } } }',
    'packages/built/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
    'packages/built/src/index.ts': 'export const built = 1;\n',
    'packages/source/package.json':
      '{ "name": "@mono/source", "exports": { ".": { "source": "./lib/main.ts", "default": "./dist/main.js" } } }',
    'packages/source/lib/main.ts': 'export const source = 1;\n',
    'packages/unbuilt/package.json': '{ "name": "@mono/unbuilt", "main": "./dist/index.js" }',
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@nowhere/*": ["./src/nowhere/*"], "~/*": ["./src/*"] } } }',
  };

  it('reports relative, aliased and workspace imports that resolve to no file; resolves unbuilt packages to their sources', async () => {
    const { root } = await repo({
      ...workspace,
      'src/app.ts': [
        "import { built } from '@mono/built';",
        "import { source } from '@mono/source';",
        "import './missing.js';",
        "import '@nowhere/thing';",
        "import '~/gone';",
        "import 'left-pad';",
        "import './generated/api.js';",
        "import '@mono/unbuilt';",
        '// harness-ignore layers/unresolved: written by the next commit',
        "import './soon.js';",
        "import 'virtual:pwa-register';",
        "import '@/components/button';",
        'export { built, source };',
        '',
      ].join('\n'),
    });
    const result = await check(root);
    expect(edgesOf(result).slice(0, 2)).toEqual([
      'src/app.ts:1 @mono/built → packages/built/src/index.ts',
      'src/app.ts:2 @mono/source → packages/source/lib/main.ts',
    ]);
    expect(result.diagnostics.map(brief)).toEqual([
      'layers/unresolved src/app.ts:3 → ./missing.js',
      'layers/unresolved src/app.ts:4 → @nowhere/thing',
      'layers/unresolved src/app.ts:5 → ~/gone',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', docs: 'docs/rules/layers.md#unresolved' });
    expect(result.diagnostics[0]?.fix).toBeTruthy();
    // The generated file and the unbuilt package land in git-ignored places: a note, said once.
    expect(result.notes.filter((n) => n.includes('git ignores'))).toHaveLength(1);
    expect(result.notes.join('\n')).toMatch(/2 import\(s\) lead into locations git ignores/);
    // Names no tsconfig maps and npm would not accept (virtual modules, bundler aliases): counted, not judged.
    expect(result.notes.join('\n')).toMatch(
      /2 import\(s\) name neither a file, an npm package nor a tsconfig `paths` alias/,
    );
  });

  it('a workspace package is not shadowed by a test fixture of the same name deeper in the tree', async () => {
    // Seen in a real monorepo: test/workspaces/space_3/fake-vitest named itself "vitest", and every
    // import of the real package became unresolved.
    const { root } = await repo({
      'packages/core/package.json':
        '{ "name": "@mono/core", "exports": { "./browser": { "source": "./src/browser.ts", "default": "./dist/browser.js" } } }',
      'packages/core/src/browser.ts': 'export const browser = 1;\n',
      'test/workspaces/space_3/fake-core/package.json': '{ "name": "@mono/core", "main": "index.js" }',
      'test/workspaces/space_3/fake-core/index.js': 'module.exports = {};\n',
      'src/app.ts': "import { browser } from '@mono/core/browser';\nexport { browser };\n",
    });
    const result = await check(root);
    expect(edgesOf(result)).toEqual(['src/app.ts:1 @mono/core/browser → packages/core/src/browser.ts']);
    expect(result.diagnostics).toEqual([]);
  });

  it('an ignore pattern naming the generated file with its extension covers the extensionless import', async () => {
    // Seen in a real repository: `.gitignore` had `src/routeTree.gen.ts` and the code imports
    // `./routeTree.gen`; a `.js` specifier for a generated `.ts` file likewise.
    const { root } = await repo({
      '.gitignore': 'src/routeTree.gen.ts\nsrc/api.gen.ts\n',
      'src/main.ts':
        "import { routeTree } from './routeTree.gen';\nimport { api } from './api.gen.js';\nexport { api, routeTree };\n",
    });
    const result = await check(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/2 import\(s\) lead into locations git ignores/);
  });

  it('a tracked file an ignore pattern names is not ignored: deleted from the work tree, its import is a finding', async () => {
    const { root } = await repo({
      '.gitignore': '*.gen.ts\n',
      'src/main.ts': "import { a } from './a.gen';\nimport { b } from './b.gen';\nexport { a, b };\n",
    });
    // src/a.gen.ts was committed before the pattern (force-added here) and stays tracked;
    // src/b.gen.ts is generated, so never tracked.
    await writeFile(join(root, 'src/a.gen.ts'), 'export const a = 1;\n');
    execFileSync('git', ['add', '-f', 'src/a.gen.ts'], { cwd: root });
    await rm(join(root, 'src/a.gen.ts'));
    const result = await check(root);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.target}`)).toEqual(['layers/unresolved ./a.gen']);
    expect(result.notes.join('\n')).toMatch(/1 import\(s\) lead into locations git ignores/);
  });

  it('outside git, nothing is known to be ignored: every import that leads nowhere is a finding', async () => {
    const { root } = await repo({ 'src/app.ts': "import './generated/api.js';\n" }, { git: false });
    expect((await check(root)).diagnostics.map(brief)).toEqual(['layers/unresolved src/app.ts:1 → ./generated/api.js']);
  });
});

describe('test fixtures', () => {
  it('are not checked: broken code and tsconfigs in fixture folders are about other repositories', async () => {
    // Seen in real repositories: a parser's error-case fixtures (fixtures/_error_/x.ts) became
    // syntax errors, and a fixture project's invalid tsconfig stopped the whole check.
    const { root } = await repo({
      'src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
      'packages/parser/fixtures/_error_/missing-source/fixture.ts': 'export * from;\n',
      'test/__fixtures__/project/tsconfig.json': '{ "compilerOptions": ,, }',
      'test/__fixtures__/project/src/x.ts': "import './nowhere.js';\n",
      'extensions/colorize-fixtures/y.ts': "import '../gone.js';\n",
      'testdata/z.ts': "import { a } from '../src/a.js';\nexport const z = a;\n",
    });
    const result = await check(root);
    expect(edgesOf(result)).toEqual(['src/a.ts:1 ./b.js → src/b.ts']);
    expect(result.diagnostics).toEqual([]);
    expect(result.notes.filter((n) => n.includes('test fixtures'))).toEqual([
      expect.stringContaining('4 source file(s) in test fixtures'),
    ]);
  });
});

describe('a file with a syntax error', () => {
  it('JSX in a .js file is not one', async () => {
    const { root } = await repo({
      'src/a.js': 'import { b } from \'./b.js\';\nexport const A = () => <div title="a">{b}</div>;\n',
      'src/b.js': 'export const b = 1;\n',
    });
    const result = await check(root);
    expect(edgesOf(result)).toEqual(['src/a.js:1 ./b.js → src/b.js']);
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps the imports that can be lexed and is reported', async () => {
    const { root } = await repo({
      'src/a.ts': "import { b } from './b.js';\nconst x = {;\nimport { c } from './c.js';\nexport { b, c, x };\n",
      'src/b.ts': 'export const b = 1;\n',
      'src/c.ts': 'export const c = 1;\n',
    });
    const result = await check(root);
    expect(edgesOf(result)).toEqual(['src/a.ts:1 ./b.js → src/b.ts', 'src/a.ts:3 ./c.js → src/c.ts']);
    expect(result.diagnostics.map(brief)).toEqual(['layers/syntax-error src/a.ts:2']);
  });
});

describe('globs that match nothing are config errors', () => {
  const files = { 'src/core/a.ts': 'export {};\n', 'src/app/b.ts': 'export {};\n' };

  it('a layer glob', async () => {
    const { root } = await repo(files);
    const error = await configError(
      check(root, { order: ['core', 'app'], paths: { core: ['src/core/**'], app: ['src/ap/**'] } }),
    );
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', place: { key: 'layers.paths.app[0]' } });
    expect(error.message).toContain('src/ap/**');
  });

  it('a domain glob', async () => {
    const { root } = await repo(files);
    const error = await configError(check(root, { domains: ['src/domains/*'] }));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', place: { key: 'layers.domains[0]' } });
  });

  it('an ignore that leaves nothing to check; an ignore that matches nothing is fine', async () => {
    const { root } = await repo(files);
    expect(await configError(check(root, { ignore: ['src/*'] }))).toMatchObject({
      code: 'CONFIG_INVALID',
      place: { key: 'layers.ignore' },
    });
    expect((await check(root, { ignore: ['nothing/**'] })).files).toBe(2);
  });
});
