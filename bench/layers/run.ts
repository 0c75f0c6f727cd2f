// The layers benchmark: generates a ~5,000-file / ~60 MB layered repo under bench/.work/ and runs
// `harness check layers` and dependency-cruiser with equivalent rules side by side, printing wall
// times, the ratio, peak memory, and harness's warm times (no edit, one edited file).
// Run from the repository root after `pnpm build`: node bench/layers/run.ts [--runs N] [--small]
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dependencyCruiserConfig } from './dependency-cruiser-config.ts';
import { fullSize, generateLayeredRepo } from './generate-repo.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const repo = join(rootDir, 'bench/.work/layers-repo');
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const depcruiseBin = join(rootDir, 'packages/layers/node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const rssReporter = new URL('./report-peak-rss.mjs', import.meta.url).href;
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 3 : Number(process.argv[runsArg + 1]);
const size = process.argv.includes('--small') ? { domains: 8, filesPerLayer: 5, fillerFunctions: 4 } : fullSize;

interface Measurement {
  seconds: number;
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
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  const rssMb = Number(await readFile(rssFile, 'utf8')) / 1024;
  await rm(scratch, { recursive: true, force: true });
  // Both tools exit 0 or 1 (findings) with a JSON document; anything else is a broken run.
  if (!stdout.startsWith('{')) throw new Error(`${args.join(' ')} exited ${String(code)} without a JSON result`);
  return { seconds, rssMb, code, stdout };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const harness = () => measure([harnessBin, 'check', 'layers', '--format', 'json']);
const cruiser = () => measure([depcruiseBin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src']);

const generated = await generateLayeredRepo(repo, size);
await writeFile(join(repo, '.dependency-cruiser.cjs'), dependencyCruiserConfig());
console.log(
  `layers benchmark: ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB in bench/.work/layers-repo, ${runs} runs each, Node ${process.version}`,
);

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
  await appendFile(join(repo, `src/domains/d0${i}/service/service-${i}.ts`), `\nexport const edit${i} = ${i};\n`);
  edited.push(await harness());
}

const findings = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { diagnostics?: unknown[] }).diagnostics?.length ?? NaN;
const contractFindings = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { diagnostics?: { rule: string }[] }).diagnostics?.filter(
    (d) => d.rule === 'layers/contract',
  ).length ?? NaN;
const violations = (m: Measurement | undefined): number =>
  (JSON.parse(m?.stdout ?? '{}') as { summary?: { violations?: unknown[] } }).summary?.violations?.length ?? NaN;
const checkMs = (ms: Measurement[]): string =>
  `${median(ms.map((m) => (JSON.parse(m.stdout) as { checks: { durationMs: number }[] }).checks[0]?.durationMs ?? NaN))} ms`;
const row = (name: string, ms: Measurement[]) =>
  `${name.padEnd(34)} ${median(ms.map((m) => m.seconds))
    .toFixed(2)
    .padStart(7)} s   ${Math.max(...ms.map((m) => m.rssMb))
    .toFixed(0)
    .padStart(5)} MB   runs: ${ms.map((m) => m.seconds.toFixed(2)).join(', ')}`;
console.log(`${'what'.padEnd(34)} ${'median'.padStart(9)}   ${'peak RSS'.padStart(8)}`);
console.log(row('harness check layers, cold', cold));
console.log(row('dependency-cruiser 18, cold', dc));
console.log(row('harness, warm cache, no edit', warm));
console.log(row('harness, warm cache, 1 file edited', edited));
console.log(
  `of which the layers check itself (durationMs, median): cold ${checkMs(cold)}, warm ${checkMs(warm)}, 1 file edited ${checkMs(edited)}; the rest is Node and CLI start-up`,
);
// The median of the per-pair ratios: each pair ran back to back, so it saw the same machine load.
const ratios = cold.map((m, i) => (dc[i]?.seconds ?? NaN) / m.seconds);
console.log(
  `cold ratio (median of ${ratios.length} interleaved pairs): harness is ${median(ratios).toFixed(1)}× faster than dependency-cruiser (target ≥ 10×); pairs: ${ratios.map((r) => r.toFixed(1)).join(', ')}`,
);
const cruised =
  (JSON.parse(dc[0]?.stdout ?? '{}') as { summary?: { totalCruised?: number } }).summary?.totalCruised ?? 0;
// dependency-cruiser silently skips .ts files without a TypeScript it supports (< 7): say so loudly.
if (cruised < generated.files - 10)
  console.log(`WARNING: dependency-cruiser cruised only ${cruised} modules; is TypeScript 6 installed?`);
console.log(
  `findings: harness ${findings(cold[0])} (${contractFindings(cold[0])} from the four contracts), dependency-cruiser ${violations(dc[0])} (same rules; each import once per rule)`,
);
console.log(`peak RSS target: under 400 MB; one-file-edit warm target: under 0.5 s`);
