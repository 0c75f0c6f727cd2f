#!/usr/bin/env node
// What the pre-push hook `harness check --changed` costs on a typical change: a clone of this
// repository (its own harness.config.yaml: layers with contracts, docs) on a branch that changes one
// source file and one doc. The first run builds harness's caches (as the first push of a clone
// would); the runs after it are what each later push pays. Runs interleave with a plain
// `harness check`, and medians are reported with the load average (the machine is shared).
// Run after `pnpm build`: node bench/hooks/check-changed.bench.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
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
appendFileSync(join(repo, 'docs/layers.md'), '\nA changed line.\n');
git('commit', '-qam', 'a typical change');

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === 2) throw new Error(`harness ${args.join(' ')} could not run:\n${result.stderr}`);
  return { ms, stderr: result.stderr };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const first = time(['check', '--changed']);
const changed = [];
const full = [];
for (let i = 0; i < runs; i++) {
  changed.push(time(['check', '--changed']).ms);
  full.push(time(['check']).ms);
}
const note = first.stderr.split('\n').find((line) => line.startsWith('--changed:')) ?? '';
console.log(
  `node ${process.versions.node}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`first run (cold caches): ${first.ms.toFixed(0)} ms; ${note}`);
console.log(
  `harness check --changed: median ${median(changed).toFixed(0)} ms over ${runs} runs (min ${Math.min(...changed).toFixed(0)}, max ${Math.max(...changed).toFixed(0)})`,
);
console.log(`harness check (everything): median ${median(full).toFixed(0)} ms over ${runs} runs`);
rmSync(work, { recursive: true, force: true });
