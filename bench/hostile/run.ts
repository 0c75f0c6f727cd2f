// The hostile-input soak: the generators of the CI suite (packages/harness/test/hostile/) with many
// more cases, for a long run outside CI. Configs go through the built agent-harness-config in process and,
// one in `--bin-every`, through the built bin; markdown and import syntax go through `harness check
// docs` and `check layers` in repositories of `--files` generated files each. Every run must exit 0,
// 1 or 2 with a stable code, print no stack, terminate, and leave everything outside its repository
// as it was. Each failure prints its seed and index, so it can be replayed.
// Run from the repository root after `pnpm build`: node bench/hostile/run.ts --cases 5000 [--seed N]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createRandom,
  generateConfig,
  generateMarkdown,
  generateSource,
} from '../../packages/harness/test/hostile/generators.ts';
import type { BinResult } from '../../packages/harness/test/hostile/properties.ts';
import { changedPaths, outcomeProblems, snapshot } from '../../packages/harness/test/hostile/properties.ts';
import type * as ConfigModule from 'agent-harness-config';
import type * as DiagnosticsModule from '../../packages/diagnostics/src/index.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(0x15c0f16) },
    files: { type: 'string', default: '50' },
    'bin-every': { type: 'string', default: '50' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const filesPerRepo = Number(values.files);
const binEvery = Number(values['bin-every']);
const { isHarnessError, validateConfig, loadConfig } = await loadLibraries();
const failures: string[] = [];

async function loadLibraries() {
  const config = (await import(join(rootDir, 'packages/config/dist/index.js'))) as typeof ConfigModule;
  const diagnostics = (await import(join(rootDir, 'packages/diagnostics/dist/index.js'))) as typeof DiagnosticsModule;
  return {
    validateConfig: config.validateConfig,
    loadConfig: config.loadConfig,
    isHarnessError: diagnostics.isHarnessError,
  };
}

function ground(files: Record<string, string>) {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-soak-')));
  const g = {
    base,
    repo: join(base, 'repo'),
    outside: join(base, 'outside'),
    home: join(base, 'home'),
    tmp: join(base, 'tmp'),
  };
  for (const dir of [g.repo, g.outside, g.home, g.tmp]) mkdirSync(dir);
  writeFileSync(join(g.outside, 'AGENTS.md'), '# Outside\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(g.repo, path)), { recursive: true });
    writeFileSync(join(g.repo, path), text);
  }
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: g.repo,
      stdio: 'ignore',
    });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '--allow-empty', '-m', 'soak']);
  return g;
}

function runBin(g: ReturnType<typeof ground>, args: string[]): Promise<BinResult> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: g.home, TMPDIR: g.tmp, NO_COLOR: '1' };
    const child = spawn(process.execPath, [harnessBin, ...args], { cwd: g.repo, env });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const limit = setTimeout(() => ((hung = true), child.kill('SIGKILL')), 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr, hung });
    });
  });
}

async function checkRun(label: string, files: Record<string, string>, commands: string[][]): Promise<void> {
  const g = ground(files);
  const before = snapshot(g.base, (p) => p === g.repo);
  for (const args of commands) {
    const result = await runBin(g, args);
    const problems = [
      ...outcomeProblems(result),
      ...changedPaths(
        before,
        snapshot(g.base, (p) => p === g.repo),
      ).map((p) => `changed outside: ${p}`),
    ];
    if (problems.length > 0)
      failures.push(
        `${label}: harness ${args.join(' ')}: ${problems.join('; ')} (kept: ${g.repo})\n${result.stderr.slice(0, 800)}`,
      );
  }
  if (!failures.some((f) => f.includes(g.repo))) rmSync(g.base, { recursive: true, force: true });
}

async function soakConfigs(): Promise<void> {
  const random = createRandom(seed);
  const scratch = ground({});
  for (let index = 0; index < cases; index += 1) {
    const text = generateConfig(random);
    const label = `config seed ${seed} case ${index}`;
    try {
      validateConfig(text, 'harness.config.yaml');
      writeFileSync(join(scratch.repo, 'harness.config.yaml'), text);
      await loadConfig({ cwd: scratch.repo });
    } catch (error) {
      if (!isHarnessError(error))
        failures.push(
          `${label}: ${error instanceof Error ? error.message : String(error)}\n${JSON.stringify(text.slice(0, 400))}`,
        );
    }
    if (index % binEvery === 0)
      await checkRun(label, { 'harness.config.yaml': text, 'AGENTS.md': '# Map\n', 'src/a.ts': 'export {};\n' }, [
        ['check', '--format', 'json'],
      ]);
  }
  rmSync(scratch.base, { recursive: true, force: true });
}

async function soakChecks(): Promise<void> {
  const docsConfig = 'version: 1\ndocs:\n  map: AGENTS.md\n  root: docs\n';
  const layersConfig =
    'version: 1\nlayers:\n  order: [core, app]\n  paths:\n    core: ["src/core/**"]\n    app: ["src/app/**"]\n';
  const repos = Math.max(1, Math.ceil(cases / filesPerRepo));
  for (let repo = 0; repo < repos; repo += 1) {
    const markdown = createRandom(seed + 1000 + repo);
    const docs: Record<string, string> = { 'harness.config.yaml': docsConfig, 'AGENTS.md': generateMarkdown(markdown) };
    for (let i = 0; i < filesPerRepo; i += 1) docs[`docs/d${i}.md`] = generateMarkdown(markdown);
    await checkRun(`markdown seed ${seed + 1000 + repo}`, docs, [
      ['check', 'docs'],
      ['check', 'docs', '--fix'],
    ]);
    const source = createRandom(seed + 2000 + repo);
    const layers: Record<string, string> = {
      'harness.config.yaml': layersConfig,
      'src/core/b.ts': 'export const b = 1;\n',
    };
    for (let i = 0; i < filesPerRepo; i += 1)
      layers[`src/${i % 2 === 0 ? 'core' : 'app'}/f${i}.${['ts', 'tsx', 'js', 'mjs', 'cjs'][i % 5] ?? 'ts'}`] =
        generateSource(source);
    await checkRun(`imports seed ${seed + 2000 + repo}`, layers, [['check', 'layers']]);
    process.stderr.write(`\rrepositories ${repo + 1}/${repos}, failures ${failures.length}`);
  }
  process.stderr.write('\n');
}

const started = performance.now();
await soakConfigs();
await soakChecks();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `hostile soak: ${cases} configs (${Math.ceil(cases / binEvery)} through the bin), ${Math.ceil(cases / filesPerRepo) * filesPerRepo * 2} markdown and source files, seed ${seed}, ${seconds} s`,
);
console.log(failures.length === 0 ? 'no failures' : `${failures.length} failures:\n${failures.join('\n\n')}`);
process.exitCode = failures.length === 0 ? 0 : 1;
