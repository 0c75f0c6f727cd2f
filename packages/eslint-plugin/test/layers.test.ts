// The `layers` rule in an editor-shaped run (one ESLint instance, lintText per file, as an editor's
// ESLint server does) reports, per file, line, rule and message, exactly what the built
// `harness check layers --format json` reports on the same repository, minus the rules only the
// whole run decides (wholeRunLayerRules).
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { wholeRunLayerRules } from 'agent-harness-layers';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { plugin } from '../src/index.js';

const bin = new URL('../../harness/bin/harness.js', import.meta.url).pathname;
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function repo(fixture: string | Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'harness-eslint-plugin-'));
  made.push(root);
  if (typeof fixture === 'string')
    await cp(new URL(`../../layers/test/fixtures/${fixture}`, import.meta.url), root, { recursive: true });
  else for (const [path, text] of Object.entries(fixture)) await writeText(join(root, path), text);
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  return root;
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function harness(root: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
    });
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

/** One finding as a line: where, which harness rule, and the whole message the editor shows. */
function asLine(file: string, line: number, column: number, message: string): string {
  return `${file}:${line}:${column} ${message}`;
}

async function cliFindings(root: string): Promise<{ perFile: string[]; wholeRun: Diagnostic[] }> {
  const { stdout } = await harness(root, 'check', 'layers', '--format', 'json');
  const diagnostics = (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  const wholeRun = diagnostics.filter((d) => wholeRunLayerRules.includes(d.rule));
  const perFile = diagnostics
    .filter((d) => !wholeRunLayerRules.includes(d.rule))
    .map((d) => asLine(d.file, d.line ?? 1, d.column ?? 1, `${d.rule}: ${d.message}\nFix: ${d.fix}\nDocs: ${d.docs}`));
  return { perFile: perFile.sort(), wholeRun };
}

/** Every source file ESLint would lint, each through lintText on one ESLint instance. */
async function eslintFindings(root: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], languageOptions: { parser: tseslint.parser } },
      plugin.configs.recommended as Linter.Config,
    ],
  });
  const files = (await readdir(root, { recursive: true })).filter(
    (f) => /\.[cm]?[jt]sx?$/.test(f) && !f.startsWith('.git/') && !f.includes('node_modules'),
  );
  const found: string[] = [];
  for (const file of files) {
    const [result] = await eslint.lintText(await readFile(join(root, file), 'utf8'), { filePath: join(root, file) });
    for (const m of result?.messages ?? []) {
      expect(m.ruleId, `${file}: ${m.message}`).toBe('agent-harness/layers');
      found.push(asLine(file.split('\\').join('/'), m.line, m.column, m.message));
    }
  }
  return found.sort();
}

describe('eslint-plugin-agent-harness: layers', () => {
  it.each(['domains', 'monorepo'])('reports what harness check layers reports on the %s fixture', async (name) => {
    const root = await repo(name);
    const cli = await cliFindings(root);
    expect(cli.perFile.length).toBeGreaterThan(0);
    expect(await eslintFindings(root)).toEqual(cli.perFile);
  });

  it('honours the baseline and harness-ignore; a stale baseline entry is the CLI’s alone', async () => {
    const root = await repo('domains');
    expect((await harness(root, 'check', 'layers', '--update-baseline')).code).toBe(1);
    const baselineFile = join(root, '.harness/baseline/layers.json');
    const baseline = JSON.parse(await readFile(baselineFile, 'utf8')) as { entries: unknown[] };
    baseline.entries.push({ file: 'src/gone.ts', rule: 'layers/cross-domain', target: 'src/x.ts' });
    await writeFile(baselineFile, JSON.stringify(baseline));
    const cli = await cliFindings(root);
    expect(cli.wholeRun.map((d) => d.rule)).toEqual(['layers/stale-baseline']);
    // Left per file: the suppression problems of job.ts (its first harness-ignore silences a finding).
    expect(cli.perFile.map((line) => line.split(' ')[1])).toEqual([
      'layers/unused-suppression:',
      'layers/invalid-suppression:',
    ]);
    expect(await eslintFindings(root)).toEqual(cli.perFile);
  });

  it('reports unresolved imports as the CLI does, not those into places git ignores', async () => {
    const root = await repo({
      'harness.config.yaml': 'version: 1\nlayers:\n  paths:\n    types: ["src/**"]\n',
      '.gitignore': 'src/generated/\n',
      'src/a.ts': "import { api } from './generated/api.js';\nimport { b } from './missing.js';\nexport { api, b };\n",
    });
    const cli = await cliFindings(root);
    expect(cli.perFile).toHaveLength(1);
    expect(await eslintFindings(root)).toEqual(cli.perFile);
  });

  it('shows a config error (the CLI’s exit 2) on the first line instead of crashing the lint', async () => {
    const root = await repo({
      'harness.config.yaml': 'version: 1\nlayers:\n  paths:\n    nolayer: ["src/**"]\n',
      'src/a.ts': 'export const a = 1;\n',
    });
    expect((await harness(root, 'check', 'layers')).code).toBe(2);
    const found = await eslintFindings(root);
    expect(found).toEqual([
      expect.stringMatching(
        /^src\/a\.ts:1:1 harness could not check this file: CONFIG_INVALID: layers\.paths\.nolayer/,
      ),
    ]);
  });
});
