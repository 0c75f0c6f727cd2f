// The ESLint plugin benchmark: an editor-shaped run on bench/layers' generated repository (~5,000
// files, a git work tree). Each round is a fresh process, as an editor's ESLint server is: one ESLint
// instance, lintText per file, the first file (cold: config, file list, resolver) and then 40 other
// files, and one file linted again 10 times (typing). The same files go through a second ESLint instance
// without the plugin, interleaved, and the rule's check (checkFileSync) is timed alone before each
// file's lint. Prints medians of the rounds and the load average.
// Run from the repository root after `pnpm build`: node bench/eslint-plugin/run.mjs [--runs N] [--small]
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const rootDir = new URL('../..', import.meta.url).pathname;
const repo = join(rootDir, 'bench/.work/eslint-plugin-repo');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value) => `${value.toFixed(1)} ms`;

/** The files an editor opens, spread over domains and layers; the first one is opened first. */
function filesToOpen(domains) {
  const layers = ['types', 'config', 'repo', 'service', 'runtime', 'ui'];
  // leaky.ts imports a domain from shared code: at least one finding shows that the rule ran.
  const files = ['src/domains/d00/service/service-0.ts', 'src/utils/leaky.ts'];
  for (let i = 1; files.length < 41; i++) {
    const layer = layers[i % layers.length];
    files.push(`src/domains/d${String(i % domains).padStart(2, '0')}/${layer}/${layer}-${i % 5}.ts`);
  }
  return files;
}

async function oneRound(domains) {
  const { ESLint } = await import('eslint');
  const { default: tseslint } = await import('typescript-eslint');
  const started = performance.now();
  const { plugin } = await import(join(rootDir, 'packages/eslint-plugin/dist/index.js'));
  const loadMs = performance.now() - started;
  // The module instance the plugin uses (symlinks resolve to the real path), so the session is shared.
  const { checkFileSync } = await import(join(rootDir, 'packages/layers/dist/index.js'));
  const parser = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } };
  const withRule = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [parser, plugin.configs.recommended],
  });
  const without = new ESLint({ cwd: repo, overrideConfigFile: true, overrideConfig: [parser] });
  const lint = async (eslint, file) => {
    const filePath = join(repo, file);
    const text = await readFile(filePath, 'utf8');
    const at = performance.now();
    const [result] = await eslint.lintText(text, { filePath });
    return { ms: performance.now() - at, findings: result.messages.length, fatal: result.fatalErrorCount };
  };
  const [first, ...rest] = filesToOpen(domains);
  // ESLint and the parser warm up on the first file without the rule, so that the first lint with it
  // measures the rule's session: config, git file list, tsconfig and package.json files, resolver.
  const plainFirst = await lint(without, first);
  const cold = await lint(withRule, first);
  const warm = [];
  const parserOnly = [];
  const ruleOnly = [];
  let findings = cold.findings;
  for (const file of rest) {
    // The rule's own work for a file opened for the first time: checkFileSync, as the rule calls it.
    const filePath = join(repo, file);
    const text = await readFile(filePath, 'utf8');
    const at = performance.now();
    checkFileSync({ file: filePath, text });
    ruleOnly.push(performance.now() - at);
    const plain = await lint(without, file);
    const linted = await lint(withRule, file);
    if (linted.fatal > 0 || plain.fatal > 0) throw new Error(`${file} did not parse`);
    parserOnly.push(plain.ms);
    warm.push(linted.ms);
    findings += linted.findings;
  }
  if (findings === 0) throw new Error('the rule reported nothing: it did not run');
  const again = [];
  for (let i = 0; i < 10; i++) again.push((await lint(withRule, rest[0])).ms);
  return {
    loadMs,
    coldMs: cold.ms,
    plainFirstMs: plainFirst.ms,
    warmMs: median(warm),
    parserMs: median(parserOnly),
    ruleMs: median(ruleOnly),
    againMs: median(again),
    findings,
    files: rest.length + 1,
  };
}

if (process.argv.includes('--round')) {
  console.log(JSON.stringify(await oneRound(argument('--domains', 40))));
} else {
  const { fullSize, generateLayeredRepo } = await import('../layers/generate-repo.ts');
  const size = process.argv.includes('--small') ? { domains: 8, filesPerLayer: 5, fillerFunctions: 4 } : fullSize;
  const runs = argument('--runs', 5);
  const generated = await generateLayeredRepo(repo, size);
  // A git work tree, as an editor's repository is: the plugin lists files with git, as the CLI does.
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
  ])
    execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  console.log(
    `eslint-plugin benchmark: ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB in bench/.work/eslint-plugin-repo, ${runs} rounds, Node ${process.version}`,
  );
  const rounds = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [new URL(import.meta.url).pathname, '--round', '--domains', String(size.domains)],
      {
        cwd: rootDir,
        encoding: 'utf8',
      },
    );
    rounds.push(JSON.parse(out));
  }
  const of = (key) => median(rounds.map((r) => r[key]));
  console.log(`plugin import (lexer WebAssembly):          ${ms(of('loadMs'))}`);
  console.log(`first file without the rule (ESLint, parser): ${ms(of('plainFirstMs'))}`);
  console.log(`first file with it (config, git list, resolver): ${ms(of('coldMs'))}`);
  console.log(`each other file, lintText with the rule:     ${ms(of('warmMs'))}`);
  console.log(`each other file, lintText without it:        ${ms(of('parserMs'))}`);
  console.log(
    `each other file, the rule's check alone:     ${ms(of('ruleMs'))} (checkFileSync, first time for the file)`,
  );
  console.log(`the same file again (typing):                ${ms(of('againMs'))}`);
  console.log(`findings reported: ${rounds[0].findings} in ${rounds[0].files} files`);
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
}
