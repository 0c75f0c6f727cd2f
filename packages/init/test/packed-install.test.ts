// End to end from packed tarballs, as a user meets harness after a release: every published
// workspace package packed with `pnpm pack` (publishConfig applied) and served by a registry on
// loopback (./local-registry.ts) that passes every other package through to the npm registry. In a
// copy of a realistic repository with nothing installed, `npx agent-harness init --yes --install`
// fetches the CLI, writes agent-harness into devDependencies and installs it from that registry;
// then `npx harness check` runs the installed bin. In an empty project, `npm i -D agent-harness`
// and then `npx agent-harness init --yes && npx harness check`. A clean environment throughout, and
// an npm cache of the test's own, so nothing installed before can stand in for the packages.
// Needs the packages built first (`pnpm test` builds; alone: `pnpm turbo run build --filter agent-harness...`).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRepo, removeFixtureRepos, snapshotTree } from './fixture-repo.js';
import { type LocalRegistry, startLocalRegistry } from './local-registry.js';

let packsDir = '';
let registry: LocalRegistry | undefined;
afterAll(async () => {
  await registry?.close();
  removeFixtureRepos();
  if (packsDir !== '') rmSync(packsDir, { recursive: true, force: true });
});

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const cliVersion = (JSON.parse(readFileSync(join(packagesDir, 'harness/package.json'), 'utf8')) as { version: string })
  .version;
// The user's environment as a shell would give it (proxy and CA settings included), without what
// the pnpm and vitest running this test add, so npx and npm behave as they do for a user; the
// registry and the npm cache are set in beforeAll.
const env: Record<string, string | undefined> = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|VITEST|NODE_OPTIONS$|INIT_CWD$)/i.test(key)),
  ),
  CI: 'true',
};

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function ok(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let repo = '';

beforeAll(async () => {
  if (
    !existsSync(join(packagesDir, 'harness/dist/run.js')) ||
    !existsSync(join(packagesDir, 'init/templates/AGENTS.md'))
  ) {
    throw new Error('build the packages first: pnpm turbo run build --filter agent-harness...');
  }
  const packs = mkdtempSync(join(tmpdir(), 'harness-packs-'));
  packsDir = packs;
  mkdirSync(join(packs, 'tarballs'));
  for (const name of readdirSync(packagesDir)) {
    const manifest = join(packagesDir, name, 'package.json');
    // Private packages (the GitHub stand-in) are test tools, never published.
    if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { private?: boolean }).private === true)
      continue;
    await ok('pnpm', ['pack', '--pack-destination', join(packs, 'tarballs')], join(packagesDir, name));
  }
  const tarballs = readdirSync(join(packs, 'tarballs')).map((f) => join(packs, 'tarballs', f));
  const upstream = execFileSync('npm', ['config', 'get', 'registry'], { env, encoding: 'utf8' }).trim();
  registry = await startLocalRegistry(tarballs, upstream.endsWith('/') ? upstream : `${upstream}/`);
  env.npm_config_registry = registry.url;
  env.npm_config_cache = join(packs, 'npm-cache');
  repo = fixtureRepo('shop');
}, 180_000);

describe('the published manifests', () => {
  it('name the packages served, without the in-repo source condition, and give the CLI both bins', () => {
    expect(registry?.names).toContain('agent-harness');
    for (const name of registry?.names ?? []) {
      const packed = execFileSync(
        'tar',
        ['-xzOf', join(packsDir, 'tarballs', `${name}-${cliVersion}.tgz`), 'package/package.json'],
        {
          encoding: 'utf8',
        },
      );
      expect(packed, name).not.toContain('@harness/source');
      expect(packed, name).not.toContain('workspace:');
      expect(JSON.parse(packed).publishConfig?.provenance, name).toBe(true);
    }
  });
});

describe('npx agent-harness init in a repository with nothing installed', () => {
  it('init --yes --install, then npx harness check is green, then init again changes nothing', async () => {
    expect(existsSync(join(repo, 'node_modules'))).toBe(false);
    const first = await run('npx', ['--yes', 'agent-harness', 'init', '--yes', '--install'], repo);
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    // The shop's layers: domain mode, or, with init's layer proposals (issue #19), the contract its code obeys.
    expect(first.stdout).toMatch(/^Layers \((domain mode|contracts the code obeys)\)$/m);
    expect(first.stdout).toMatch(/\+ create {4}harness\.config\.yaml/);
    expect(first.stdout).toMatch(/Wrote \d+ files\./);
    expect(first.stdout).toContain('harness check: green');
    for (const file of [
      'harness.config.yaml',
      'AGENTS.md',
      'CLAUDE.md',
      'docs/architecture.md',
      '.github/workflows/harness.yml',
    ]) {
      expect(existsSync(join(repo, file)), file).toBe(true);
    }
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toContain('A small web shop');
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(manifest.devDependencies).toMatchObject({ 'agent-harness': `^${cliVersion}` });
    expect(manifest.devDependencies.harness).toBeUndefined();
    // --install installed agent-harness, from the registry, as the devDependency it wrote.
    const installed = JSON.parse(readFileSync(join(repo, 'node_modules/agent-harness/package.json'), 'utf8'));
    expect(installed.version).toBe(cliVersion);
    expect(existsSync(join(repo, 'node_modules/.bin/harness'))).toBe(true);

    const check = await run('npx', ['harness', 'check'], repo);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);

    // The schema URL init writes is where the published config package has its schema.
    const schemaUrl = /\$schema=(\S+)/.exec(readFileSync(join(repo, 'harness.config.yaml'), 'utf8'))?.[1];
    const schema = JSON.parse(readFileSync(join(repo, 'node_modules/agent-harness-config/schema.json'), 'utf8'));
    expect(schemaUrl).toBe('https://unpkg.com/agent-harness-config/schema.json');
    expect(schema.$id).toBe(schemaUrl);

    const before = snapshotTree(repo);
    const second = await run('npx', ['harness', 'init', '--yes', '--format', 'json'], repo);
    expect(second.code, second.stderr).toBe(0);
    const plan = JSON.parse(second.stdout) as { changes: boolean; files: { action: string }[] };
    expect(plan.changes).toBe(false);
    expect(plan.files.every((f) => ['keep', 'unchanged', 'skip'].includes(f.action))).toBe(true);
    expect(snapshotTree(repo)).toEqual(before);
  }, 300_000); // two installs from the registry into an empty npm cache, on a loaded 2-core machine

  it('--split turns a 400-line AGENTS.md into a map under the limit without losing a line', async () => {
    const lines = ['# shop agents', '', 'Everything an agent must know about the shop.', ''];
    for (let section = 1; lines.length < 400; section++) {
      lines.push(`## Area ${section}`, '');
      for (let i = 1; i <= 12 && lines.length < 398; i++) {
        lines.push(
          `- Rule ${section}.${i}: read [the README](README.md) and keep \`src/modules/cart/index.ts\` small.`,
        );
      }
      lines.push('');
    }
    const original = lines.slice(0, 400);
    expect(original).toHaveLength(400);
    writeFileSync(join(repo, 'AGENTS.md'), `${original.join('\n')}\n`);
    await ok('git', ['add', '-A'], repo);
    await ok('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', 'commit', '-qm', 'long map'], repo);

    const split = await run('npx', ['harness', 'init', '--yes', '--split'], repo);
    expect(split.code, `${split.stdout}\n${split.stderr}`).toBe(0);
    const map = readFileSync(join(repo, 'AGENTS.md'), 'utf8');
    expect(map.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
    const docsText = Object.entries(snapshotTree(repo))
      .filter(([path]) => path.startsWith('docs/'))
      .flatMap(([, text]) => text.split('\n'));
    const present = new Set(docsText);
    const missing = original
      .filter((line) => line.trim() !== '')
      .filter((line) => !present.has(line) && !present.has(line.replace('](README.md)', '](../../README.md)')));
    expect(missing).toEqual([]);

    const check = await run('npx', ['harness', 'check'], repo);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
  });
});

describe('the library entry from the packed tarball (docs/api.md)', () => {
  it("import { check } from 'agent-harness' returns the result document, with types", async () => {
    // A script outside the repository, as a user's tool would be: the package resolves from the install.
    const script = join(repo, 'harness-api-check.mjs');
    writeFileSync(
      script,
      [
        "import { check, isHarnessError } from 'agent-harness';",
        "const document = await check({ cwd: process.argv[2], checks: ['docs'] });",
        'let code = "none";',
        "try { await check({ cwd: process.argv[2], checks: ['nope'] }); } catch (e) { code = isHarnessError(e) ? e.code : 'other'; }",
        'console.log(JSON.stringify({ document, code }));',
      ].join('\n'),
    );
    try {
      const out = JSON.parse(await ok('node', [script, repo], repo)) as {
        document: { version: number; ok: boolean; checks: { name: string }[]; diagnostics: unknown[] };
        code: string;
      };
      expect(out.document.version).toBe(1);
      expect(out.document.checks.map((c) => c.name)).toEqual(['docs']);
      expect(Array.isArray(out.document.diagnostics)).toBe(true);
      expect(out.code).toBe('CHECK_UNKNOWN');
    } finally {
      rmSync(script, { force: true });
    }
    const types = readFileSync(join(repo, 'node_modules/agent-harness/dist/check-api.d.ts'), 'utf8');
    expect(types).toMatch(/export declare function check\(options\?: CheckApiOptions\): Promise<ResultDocument>/);
  });
});

describe('npm i -D agent-harness in an empty project', () => {
  it('then npx agent-harness init --yes && npx harness check', async () => {
    const project = mkdtempSync(join(tmpdir(), 'harness-empty-'));
    try {
      await ok('git', ['init', '-q', '-b', 'main'], project);
      writeFileSync(
        join(project, 'package.json'),
        '{\n  "name": "empty",\n  "version": "1.0.0",\n  "private": true\n}\n',
      );
      await ok(
        'npm',
        ['install', '--save-dev', '--no-audit', '--no-fund', '--loglevel=error', 'agent-harness'],
        project,
      );
      expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies).toEqual({
        'agent-harness': `^${cliVersion}`,
      });

      const init = await run('npx', ['agent-harness', 'init', '--yes'], project);
      expect(init.code, `${init.stdout}\n${init.stderr}`).toBe(0);
      expect(init.stdout).toContain('agent-harness is already in devDependencies');
      const check = await run('npx', ['harness', 'check'], project);
      expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 300_000);
});
