// The init benchmark: generates a 10,000-file monorepo with 1,300 markdown files and a layered
// service (generate-init-repo.ts) under bench/.work/init-repo and times the built bin, a fresh
// process per run: `harness init --dry-run` (look and plan; writes nothing) and `harness init --yes`
// (plan, write, then one run of each check: the baseline checks record today's findings and that run
// is the confirmation) on a clean work tree, interleaved. Prints each run's wall time, CPU time and
// peak memory, the medians, the load average and the checks' summary line of the last --yes run.
// Run from the repository root after building: node bench/init/run.ts [--runs N] [--profile]
// With --profile each run writes a V8 CPU profile to bench/.work/init-profiles/ (open it in
// Chrome DevTools or speedscope).
import { execFileSync, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInitRepo } from './generate-init-repo.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const repo = join(rootDir, 'bench/.work/init-repo');
const profiles = join(rootDir, 'bench/.work/init-profiles');
const usageReporter = new URL('../docs/report-usage.mjs', import.meta.url).href;
const usageFile = join(tmpdir(), `harness-init-bench-usage-${process.pid}.json`);
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 3 : Number(process.argv[runsArg + 1]);
const profile = process.argv.includes('--profile');

interface Run {
  seconds: number;
  maxRssMb: number;
  cpuSeconds: number;
  stdout: string;
}

async function init(flag: '--dry-run' | '--yes'): Promise<Run> {
  const prof = profile ? ['--cpu-prof', '--cpu-prof-dir', profiles] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...prof, '--import', usageReporter, harnessBin, 'init', flag], {
    cwd: repo,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, CI: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`harness init ${flag} exited ${String(code)}\n${stdout}\n${stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKb: number; cpuMicros: number };
  await rm(usageFile, { force: true });
  return { seconds, maxRssMb: usage.maxRssKb / 1024, cpuSeconds: usage.cpuMicros / 1e6, stdout };
}

/** Back to the generated commit: what init wrote is removed, so every --yes run starts fresh. */
function resetRepo(): void {
  execFileSync('git', ['reset', '-q', '--hard'], { cwd: repo });
  execFileSync('git', ['clean', '-qfdx'], { cwd: repo });
}

const generated = await generateInitRepo(repo);
console.log(
  `init benchmark: ${generated.files} files, ${generated.markdownFiles} markdown, ${generated.sourceFiles} sources (35 workspace packages, a layered service, a Docusaurus site, 200 commits); ${runs} runs of each, interleaved; Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at start`,
);
const dry: Run[] = [];
const yes: Run[] = [];
for (let i = 0; i < runs; i++) {
  resetRepo();
  dry.push(await init('--dry-run'));
  yes.push(await init('--yes'));
}
resetRepo();
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const report = (name: string, list: Run[], seconds: number, megabytes: number): string => {
  const wall = median(list.map((r) => r.seconds));
  const rss = Math.max(...list.map((r) => r.maxRssMb));
  const ok = wall < seconds && rss < megabytes ? 'within' : 'OVER';
  return `${name}: ${list.map((r) => r.seconds.toFixed(2)).join(', ')} s; median ${wall.toFixed(2)} s (CPU ${median(list.map((r) => r.cpuSeconds)).toFixed(2)} s), peak ${rss.toFixed(0)} MB; ${ok} the targets (${seconds} s, ${megabytes} MB)`;
};
console.log(report('init --dry-run', dry, 4, 1024));
console.log(report('init --yes', yes, 10, 1024));
const layers = /Layers \(([^)]*)\)/.exec(dry[0]?.stdout ?? '')?.[1];
console.log(`proposed: ${layers ?? 'no layers line'}; load average ${loadavg()[0]?.toFixed(1)} at the end`);
const checked = /^harness check: .*$/m.exec(yes.at(-1)?.stdout ?? '')?.[0];
console.log(`init --yes: ${checked ?? 'no harness check line'}`);
if (profile) console.log(`CPU profiles in ${profiles}`);
