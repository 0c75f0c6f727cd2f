// Pathological markdown for `harness check docs`: a file of links (1 MB and 20 MB), 1,000 indented
// list levels (1 MB), 10,000 list and block quote levels on one line, and 1 MB of ordinary prose
// for scale. Each case is a small git repository under bench/.work/docs-pathological/ whose map
// links the file; the built `harness` checks it in a fresh process (cold: no parse cache). Prints
// the wall time, the CPU time (all threads), the peak resident memory, the exit code, the broken links found (each file plants
// three) and whether the output says the file was not fully parsed.
// Run from the repository root after `pnpm build`: node bench/docs/pathological.ts
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const rootDir = new URL('../..', import.meta.url).pathname;
const work = join(rootDir, 'bench/.work/docs-pathological');
const harnessBin = join(rootDir, 'packages/harness/bin/harness.js');
const usageReporter = new URL('./report-usage.mjs', import.meta.url).href;

/** Lines until the text reaches `bytes`. */
function fill(bytes: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

const broken = '\n[gone 1](missing-1.md) [gone 2](missing-2.md#x) [gone 3](guide.md#no-such-heading)\n';
const cases: Array<{ name: string; text: () => string }> = [
  {
    name: 'links, 1 MB',
    text: () => fill(1 << 20, (i) => `- [guide ${i}](guide.md#part) and \`src/a.ts\`\n`) + broken,
  },
  {
    name: 'links, 20 MB',
    text: () => fill(20 << 20, (i) => `- [guide ${i}](guide.md#part) and \`src/a.ts\`\n`) + broken,
  },
  {
    name: '1,000 indented list levels, 1 MB',
    text: () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}\n`).join('') + broken,
  },
  { name: '10,000 list levels on one line', text: () => `${'- '.repeat(10_000)}deep\n${broken}` },
  { name: '10,000 block quote levels', text: () => `${'>'.repeat(10_000)} deep\n${broken}` },
  {
    name: 'prose, 1 MB',
    text: () =>
      fill(1 << 20, (i) => `Ordinary prose, sentence ${i}, with a [link](guide.md#part) now and then.\n\n`) + broken,
  },
];

async function writeRepo(dir: string, text: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'docs'), { recursive: true });
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src/a.ts'), 'export {};\n');
  await writeFile(join(dir, 'AGENTS.md'), '# Map\n\n- [Big](docs/big.md)\n- [Guide](docs/guide.md)\n');
  await writeFile(join(dir, 'docs/guide.md'), '# Guide\n\n## Part\n\nText.\n');
  await writeFile(join(dir, 'docs/big.md'), text);
  const git = (args: string[]): void =>
    void execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'b',
        GIT_AUTHOR_EMAIL: 'b@example.com',
        GIT_COMMITTER_NAME: 'b',
        GIT_COMMITTER_EMAIL: 'b@example.com',
      },
    });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'pathological']);
}

interface Measured {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  code: number | null;
  stdout: string;
}

async function check(dir: string): Promise<Measured> {
  const usageFile = join(dir, '.usage');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', usageReporter, harnessBin, 'check', 'docs', '--format', 'json'], {
    cwd: dir,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8').catch(() => '{}')) as {
    maxRssKb?: number;
    cpuMicros?: number;
  };
  return {
    seconds,
    cpuSeconds: (usage.cpuMicros ?? Number.NaN) / 1e6,
    rssMb: (usage.maxRssKb ?? Number.NaN) / 1024,
    code,
    stdout,
  };
}

console.log(
  `docs pathological markdown: Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at start`,
);
console.log(
  `${'case'.padEnd(34)} ${'size'.padStart(8)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(9)}  exit  broken links  note`,
);
for (const [i, c] of cases.entries()) {
  const dir = join(work, `case-${i}`);
  const text = c.text();
  await writeRepo(dir, text);
  const m = await check(dir);
  const brokenFound = (m.stdout.match(/"rule": ?"docs\/broken-link"/g) ?? []).length;
  const note =
    /read line by line, not parsed as CommonMark: (.*?)\. Links/.exec(m.stdout)?.[1] ?? 'none (parsed in full)';
  const size =
    text.length >= 1 << 20 ? `${(text.length / (1 << 20)).toFixed(1)} MB` : `${Math.round(text.length / 1024)} KB`;
  console.log(
    `${c.name.padEnd(34)} ${size.padStart(8)} ${`${m.seconds.toFixed(2)} s`.padStart(8)} ${`${m.cpuSeconds.toFixed(2)} s`.padStart(8)} ${`${m.rssMb.toFixed(0)} MB`.padStart(9)}  ${String(m.code).padStart(4)}  ${String(brokenFound).padStart(12)}  ${note}`,
  );
}
await rm(work, { recursive: true, force: true });
