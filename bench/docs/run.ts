// The docs benchmark: generates a repository with 1,100 markdown files and 35 nested AGENTS.md
// (with git history) under bench/.work/docs-repo and times `harness check docs` on it, a fresh
// process per run, git rules included: cold (no cache, as on a fresh CI checkout), warm with nothing
// changed (the findings kept in .harness/cache/docs-results.json), and warm with the parse cache
// only (.harness/cache/docs.json; the kept findings removed, as after any edit to a doc). Prints the
// wall times, the medians, the findings.
// With --real, the real-shaped repository instead (generate-real-shaped.ts: 10,000 files, 1,300
// markdown files of real sizes, a Docusaurus site), under bench/.work/docs-real-repo. Each run's
// peak memory and CPU time (all threads) are printed too: on a busy machine the wall clock says how
// busy it was, the CPU time what the check cost.
// Run from the repository root after `pnpm build`: node bench/docs/run.ts [--runs N] [--real]
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullSize, generateDocsRepo } from './generate-repo.ts';
import { generateRealShapedRepo } from './generate-real-shaped.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const real = process.argv.includes('--real');
const repo = join(rootDir, real ? 'bench/.work/docs-real-repo' : 'bench/.work/docs-repo');
const usageReporter = new URL('./report-usage.mjs', import.meta.url).href;
const usageFile = join(tmpdir(), `harness-docs-bench-usage-${process.pid}.json`);
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 3 : Number(process.argv[runsArg + 1]);

interface Run {
  seconds: number;
  stdout: string;
  maxRssMb: number;
  cpuSeconds: number;
}

async function check(): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', usageReporter, harnessBin, 'check', 'docs', '--format', 'json'], {
    cwd: repo,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0 && code !== 1) throw new Error(`harness check docs exited ${String(code)}`);
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKb: number; cpuMicros: number };
  await rm(usageFile, { force: true });
  return { seconds, stdout, maxRssMb: usage.maxRssKb / 1024, cpuSeconds: usage.cpuMicros / 1e6 };
}

const generated = real ? await generateRealShapedRepo(repo) : await generateDocsRepo(repo, fullSize);
console.log(
  `docs benchmark${real ? ' (real-shaped: specs of 30–100 KB, changelogs, a Docusaurus site, fixtures, 200 commits)' : ''}: ${generated.markdownFiles} markdown files, ${generated.agentsFiles} AGENTS.md (35 nested), ${generated.files} files, git history; ${runs} runs of each, Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at start`,
);
const cold: Run[] = [];
const warm: Run[] = [];
const parsed: Run[] = [];
for (let i = 0; i < runs; i++) {
  // Cold: no cache, as on a fresh CI checkout. Warm: the caches of the run before.
  await rm(join(repo, '.harness/cache'), { recursive: true, force: true });
  cold.push(await check());
  warm.push(await check());
  // The parse cache alone: what a run gets after a doc changed, which the kept findings do not serve.
  await rm(join(repo, '.harness/cache/docs-results.json'), { force: true });
  parsed.push(await check());
}
const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const median = (list: Run[]): number => middle(list.map((r) => r.seconds));
const cpu = (list: Run[]): string =>
  `CPU ${list.map((r) => r.cpuSeconds.toFixed(2)).join(', ')} s, median ${middle(list.map((r) => r.cpuSeconds)).toFixed(2)} s`;
const doc = JSON.parse(cold[0]?.stdout ?? '{}') as { diagnostics: Array<{ rule: string }> };
const byRule = new Map<string, number>();
for (const d of doc.diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
const verdict = (s: number, target: number): string =>
  s < target ? `under the ${target} s target` : `OVER the ${target} s target`;
const memory = (list: Run[]): string => `peak ${Math.max(...list.map((r) => r.maxRssMb)).toFixed(0)} MB`;
console.log(
  `cold (no cache): ${cold.map((r) => r.seconds.toFixed(2)).join(', ')} s; median ${median(cold).toFixed(2)} s, ${verdict(median(cold), 3)}; ${memory(cold)}; ${cpu(cold)}`,
);
console.log(
  `warm (kept findings): ${warm.map((r) => r.seconds.toFixed(2)).join(', ')} s; median ${median(warm).toFixed(2)} s, ${verdict(median(warm), real ? 1 : 3)}; ${memory(warm)}; ${cpu(warm)}`,
);
console.log(
  `warm (parse cache only): ${parsed.map((r) => r.seconds.toFixed(2)).join(', ')} s; median ${median(parsed).toFixed(2)} s; ${memory(parsed)}; ${cpu(parsed)}`,
);
console.log(
  `findings: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}; load average ${loadavg()[0]?.toFixed(1)} at the end`,
);
