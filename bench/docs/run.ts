// The docs benchmark: generates a repository with 1,100 markdown files and 35 nested AGENTS.md
// (with git history) under bench/.work/docs-repo and times `harness check docs` on it, a fresh
// process per run, git rules included. Prints the wall times, the median and the findings.
// Run from the repository root after `pnpm build`: node bench/docs/run.ts [--runs N]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fullSize, generateDocsRepo } from './generate-repo.ts';

const rootDir = new URL('../..', import.meta.url).pathname;
const repo = join(rootDir, 'bench/.work/docs-repo');
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1]);

interface Run {
  seconds: number;
  stdout: string;
}

async function check(): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [harnessBin, 'check', 'docs', '--format', 'json'], { cwd: repo });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0 && code !== 1) throw new Error(`harness check docs exited ${String(code)}`);
  return { seconds: (performance.now() - started) / 1000, stdout };
}

const generated = await generateDocsRepo(repo, fullSize);
console.log(`docs benchmark: ${generated.markdownFiles} markdown files, ${generated.agentsFiles} AGENTS.md (35 nested), ${generated.files} files, git history; ${runs} runs, Node ${process.version}`);
const results: Run[] = [];
for (let i = 0; i < runs; i++) results.push(await check());
const times = results.map((r) => r.seconds).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
const doc = JSON.parse(results[0]?.stdout ?? '{}') as { checks: Array<{ durationMs: number; files?: number }>; diagnostics: Array<{ rule: string }> };
const byRule = new Map<string, number>();
for (const d of doc.diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
console.log(`harness check docs wall time (s): ${results.map((r) => r.seconds.toFixed(2)).join(', ')}; median ${median.toFixed(2)} s`);
console.log(`in-process check time of the first run: ${doc.checks[0]?.durationMs ?? NaN} ms over ${doc.checks[0]?.files ?? NaN} markdown files`);
console.log(`findings: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
console.log(median < 3 ? 'under the 3 s target' : 'OVER the 3 s target');
