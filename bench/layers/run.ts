// The layers benchmark: generates a ~5,000-file / ~60 MB layered repo under bench/.work/ and runs
// `harness check layers` and dependency-cruiser with equivalent rules side by side, printing wall
// times (median and spread of interleaved runs), the ratio, peak memory, harness's warm times (no
// edit, one edited file) and the load average, against the targets of issue #17.
// Run from the repository root after `pnpm build`: node bench/layers/run.ts [--runs N (default 5)] [--small]
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dependencyCruiserConfig } from './dependency-cruiser-config.ts';
import { fullSize, generateLayeredRepo } from './generate-repo.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const repo = join(rootDir, 'bench/.work/layers-repo');
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const depcruiseBin = join(rootDir, 'packages/layers/node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const rssReporter = new URL('./report-peak-rss.mjs', import.meta.url).href;
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1]);
const size = process.argv.includes('--small') ? { domains: 8, filesPerLayer: 5, fillerFunctions: 4 } : fullSize;

interface Measurement {
  seconds: number;
  /** User + system CPU time of the process. */
  cpuSeconds: number;
  rssMb: number;
  code: number | null;
  stdout: string;
}

async function measure(args: string[]): Promise<Measurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'bench-layers-'));
  const rssFile = join(scratch, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', rssReporter, ...args], {
    cwd: repo,
    // The generated repo is a project of its own, not a folder of this repository's git work tree:
    // git (harness asks it for the base of a change) stops at its parent.
    env: { ...process.env, BENCH_RSS_FILE: rssFile, GIT_CEILING_DIRECTORIES: dirname(repo) },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  const [rssKb, cpuMs] = (await readFile(rssFile, 'utf8')).split(' ').map(Number);
  const rssMb = (rssKb ?? NaN) / 1024;
  const cpuSeconds = (cpuMs ?? NaN) / 1000;
  await rm(scratch, { recursive: true, force: true });
  // Both tools exit 0 or 1 (findings) with a JSON document; anything else is a broken run.
  if (!stdout.startsWith('{')) throw new Error(`${args.join(' ')} exited ${String(code)} without a JSON result`);
  return { seconds, cpuSeconds, rssMb, code, stdout };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const harness = () => measure([harnessBin, 'check', 'layers', '--format', 'json']);
const cruiser = () => measure([depcruiseBin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src']);

const generated = await generateLayeredRepo(repo, size);
await writeFile(join(repo, '.dependency-cruiser.cjs'), dependencyCruiserConfig());
console.log(
  `layers benchmark: ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB in bench/.work/layers-repo, ${runs} runs each, Node ${process.version}`,
);
const loadBefore = loadavg();

const cold: Measurement[] = [];
const dc: Measurement[] = [];
for (let i = 0; i < runs; i++) {
  // Side by side: alternate the tools so both see the same machine load.
  await rm(join(repo, '.harness/cache'), { recursive: true, force: true });
  cold.push(await harness());
  dc.push(await cruiser());
}
const warm: Measurement[] = [];
const edited: Measurement[] = [];
for (let i = 0; i < runs; i++) {
  warm.push(await harness());
  await appendFile(join(repo, `src/domains/d0${i % 10}/service/service-${i}.ts`), `\nexport const edit${i} = ${i};\n`);
  edited.push(await harness());
}
const loadAfter = loadavg();

const findings = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { diagnostics?: unknown[] }).diagnostics?.length ?? NaN;
const contractFindings = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { diagnostics?: { rule: string }[] }).diagnostics?.filter(
    (d) => d.rule === 'layers/contract',
  ).length ?? NaN;
const violations = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { summary?: { violations?: unknown[] } }).summary?.violations?.length ?? NaN;
const checkMs = (ms: Measurement[]): number =>
  median(ms.map((m) => (JSON.parse(m.stdout) as { checks: { durationMs: number }[] }).checks[0]?.durationMs ?? NaN));
const spread = (values: number[], digits = 2): string =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const row = (name: string, ms: Measurement[]) => {
  const seconds = ms.map((m) => m.seconds);
  const cpu = median(ms.map((m) => m.cpuSeconds));
  const rss = Math.max(...ms.map((m) => m.rssMb));
  return `${name.padEnd(34)} ${median(seconds).toFixed(2).padStart(7)} s   ${spread(seconds).padStart(11)} s   ${cpu.toFixed(2).padStart(6)} s   ${rss.toFixed(0).padStart(5)} MB   runs: ${seconds.map((v) => v.toFixed(2)).join(', ')}`;
};
console.log(
  `${'what'.padEnd(34)} ${'median'.padStart(9)}   ${'spread'.padStart(13)}   ${'CPU'.padStart(8)}   ${'peak RSS'.padStart(8)}`,
);
console.log(row('harness check layers, cold', cold));
console.log(row('dependency-cruiser 18, cold', dc));
console.log(row('harness, warm cache, no edit', warm));
console.log(row('harness, warm cache, 1 file edited', edited));
console.log(
  `of which the layers check itself (durationMs, median): cold ${checkMs(cold)} ms, warm ${checkMs(warm)} ms, 1 file edited ${checkMs(edited)} ms; the rest is Node and CLI start-up`,
);
// The median of the per-pair ratios: each pair ran back to back, so it saw the same machine load.
const ratios = cold.map((m, i) => (dc[i]?.seconds ?? NaN) / m.seconds);
console.log(
  `cold ratio (median of ${ratios.length} interleaved pairs): harness is ${median(ratios).toFixed(1)}× faster than dependency-cruiser (target ≥ 10×); spread ${spread(ratios, 1)}×, pairs: ${ratios.map((r) => r.toFixed(1)).join(', ')}`,
);
const cpuRatios = cold.map((m, i) => (dc[i]?.cpuSeconds ?? NaN) / m.cpuSeconds);
console.log(
  `cold CPU-time ratio (user + system, median of the same pairs; little moved by the load): ${median(cpuRatios).toFixed(1)}×, spread ${spread(cpuRatios, 1)}×`,
);
const cruised =
  (JSON.parse(dc[0]?.stdout ?? '{}') as { summary?: { totalCruised?: number } }).summary?.totalCruised ?? 0;
// dependency-cruiser silently skips .ts files without a TypeScript it supports (< 7): say so loudly.
if (cruised < generated.files - 10)
  console.log(`WARNING: dependency-cruiser cruised only ${cruised} modules; is TypeScript 6 installed?`);
console.log(
  `findings: harness ${findings(cold[0])} (${contractFindings(cold[0])} from the four contracts), dependency-cruiser ${violations(dc[0])} (same rules; each import once per rule)`,
);
const peak = Math.max(...[...cold, ...warm, ...edited].map((m) => m.rssMb));
console.log(
  `targets: ratio ≥ 10× ${median(ratios) >= 10 ? 'met' : 'NOT met'}; peak RSS < 400 MB ${peak < 400 ? 'met' : 'NOT met'} (${peak.toFixed(0)} MB); 1 file edited < 0.5 s ${median(edited.map((m) => m.seconds)) < 0.5 ? 'met' : 'NOT met'}`,
);
const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' ');
console.log(
  `load average (1, 5, 15 min) on ${cpus().length} cores: ${load(loadBefore)} before, ${load(loadAfter)} after; above about 2 the other processes share the cores and every figure grows`,
);
