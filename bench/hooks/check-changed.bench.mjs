#!/usr/bin/env node
// What the pre-push hook `harness check --changed` costs on a typical change: a clone of this
// repository (its own harness.config.yaml: layers with contracts, docs) on a branch that changes one
// source file, then also one doc. The first run builds harness's caches (as the first push of a
// clone would); the runs after it are what each later push pays. Runs interleave with a plain
// `harness check` and `harness --version`; medians are reported with the load average.
// Run after `pnpm build`: node bench/hooks/check-changed.bench.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 7);
const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'packages/harness/bin/harness.js');
const work = join(root, 'bench/.work/hooks');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const repo = join(work, 'repo');
const git = (...args) =>
  execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { cwd: repo });
execFileSync('git', ['clone', '-q', root, repo]);
git('checkout', '-q', '-b', 'change');
appendFileSync(join(repo, 'packages/layers/src/layer-rules.ts'), '\nexport const benchChange = 1;\n');
git('commit', '-qam', 'a typical change: one source file');

// Wall time, and CPU time (user + sys) through /usr/bin/time: on a shared, loaded machine the
// CPU time is what the hook costs, the wall time what it waited.
const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'cpu %U %S'] : [];
function time(args) {
  const start = process.hrtime.bigint();
  const [file, ...rest] = [...timer, process.execPath, bin, ...args];
  const result = spawnSync(file, rest, { cwd: repo, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === 2) throw new Error(`harness ${args.join(' ')} could not run:\n${result.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { ms, cpuMs: cpu === null ? Number.NaN : (Number(cpu[1]) + Number(cpu[2])) * 1000, stderr: result.stderr };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (label, samples) =>
  console.log(
    `${label}: wall median ${median(samples.map((s) => s.ms)).toFixed(0)} ms, CPU median ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms over ${samples.length} runs`,
  );
console.log(
  `node ${process.versions.node}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const first = time(['check', '--changed']);
console.log(`first run (cold caches): wall ${first.ms.toFixed(0)} ms, CPU ${first.cpuMs.toFixed(0)} ms`);
for (const scenario of ['one source file', 'one source file and one doc']) {
  if (scenario.endsWith('doc')) appendFileSync(join(repo, 'docs/layers.md'), '\nA changed line.\n');
  const changed = [];
  const full = [];
  const version = [];
  for (let i = 0; i < runs; i++) {
    changed.push(time(['check', '--changed']));
    full.push(time(['check']));
    version.push(time(['--version']));
  }
  const note = changed[0]?.stderr.split('\n').find((line) => line.startsWith('--changed:')) ?? '';
  console.log(`\n${scenario} (${note})`);
  show('  harness check --changed', changed);
  show('  harness check (everything)', full);
  show('  harness --version (node start)', version);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
rmSync(work, { recursive: true, force: true });
