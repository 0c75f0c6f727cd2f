// End to end from a packed install: every workspace package packed with
// `pnpm pack`, the tarballs installed with npm into a copy of a realistic
// repository (code, README, CI, compose, no harness), then `npx harness …` as
// a user runs it, with a clean environment. Needs the packages built first
// (`pnpm test` builds; alone: `pnpm turbo run build --filter agent-harness...`).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRepo, removeFixtureRepos, snapshotTree } from './fixture-repo.js';

let packsDir = '';
afterAll(() => {
  removeFixtureRepos();
  if (packsDir !== '') rmSync(packsDir, { recursive: true, force: true });
});

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
// The user's environment as a shell would give it (proxy and CA settings included), without what
// the pnpm and vitest running this test add, so npx and npm behave as they do for a user.
const env = {
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
  for (const name of readdirSync(packagesDir)) {
    const manifest = join(packagesDir, name, 'package.json');
    // Private packages (the GitHub stand-in) are test tools, never installed by users.
    if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { private?: boolean }).private === true)
      continue;
    await ok('pnpm', ['pack', '--pack-destination', packs], join(packagesDir, name));
  }
  repo = fixtureRepo('shop');
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  // --no-save: the repository's package.json stays as the user had it, so init's own edit is what is tested.
  await ok(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
    repo,
  );
}, 180_000);

describe('npx harness init from packed tarballs', () => {
  it('init --yes, then check is green, then init again changes nothing', async () => {
    const first = await run('npx', ['harness', 'init', '--yes'], repo);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Layers (domain mode)');
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
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies.harness).toBe('^0.1.0');

    const check = await run('npx', ['harness', 'check'], repo);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);

    const before = snapshotTree(repo);
    const second = await run('npx', ['harness', 'init', '--yes', '--format', 'json'], repo);
    expect(second.code, second.stderr).toBe(0);
    const plan = JSON.parse(second.stdout) as { changes: boolean; files: { action: string }[] };
    expect(plan.changes).toBe(false);
    expect(plan.files.every((f) => ['keep', 'unchanged', 'skip'].includes(f.action))).toBe(true);
    expect(snapshotTree(repo)).toEqual(before);
  });

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
