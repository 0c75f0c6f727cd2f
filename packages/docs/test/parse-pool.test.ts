// The parse pool as the built bin runs it: worker threads (which only start from dist/) and the
// main thread taking files from one counter. Every file must come back parsed, in its place, the
// same as an in-thread parse; a pool that is never used must not keep the process alive; workers
// the docs check starts early (no parse cache) are the ones the pool then uses. No sleeps: which
// thread takes which file is the scheduler's business, so the workers' path is made sure of by a
// pool whose main thread takes no files (it waits for the workers' shares), not by waiting until
// the workers have probably loaded the parser.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url).href;

// Runs in a plain node process, so that the dist modules (not vitest's transformed sources) load.
const script = `
const { startParsePool } = await import('${dist}parse-in-parallel.js');
const { parseMarkdown } = await import('${dist}parse-markdown.js');
const { prewarmParseWorkers, takeParseWorkers } = await import('${dist}parse-workers.js');
const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir, availableParallelism } = await import('node:os');
const texts = Array.from({ length: 300 }, (_, i) => '# Doc ' + i + '\\n\\nSee [next](doc-' + (i + 1) + '.md#usage) and \`src/file-' + i + '.ts\`.\\n\\n## Usage\\n\\n## Usage\\n' + (i % 7 === 0 ? '\\n[ref]: ../other-' + i + '.md\\n' : ''));
const inThread = texts.map((t) => parseMarkdown(t));
const plain = (p) => JSON.stringify({ ...p, anchors: [...p.anchors].sort() });
const mismatches = (parsed) => parsed.filter((p, i) => plain(p) !== plain(inThread[i])).length;
// Every file on the workers: their results, sent back by index, land in their places.
const workersOnly = startParsePool({ mainThreadTakes: false });
const pooled = await workersOnly.parse(texts);
// The workers and the main thread on one counter, however the scheduler shares the files out.
const shared = startParsePool();
const sharedParsed = await shared.parse(texts);
// A parser thread's young generation is bounded (left to V8 it grew past 100 MB a thread).
const spare = takeParseWorkers();
const youngMb = spare.map((w) => w.worker.resourceLimits?.maxYoungGenerationSizeMb ?? Infinity);
for (const w of spare) void w.worker.terminate();
// An unused pool: closing it (or leaving it) must let the process end on its own.
startParsePool();
startParsePool().close();
// The docs check's prepare: workers start early only where no parse cache exists, and the pool takes them.
const repo = mkdtempSync(tmpdir() + '/harness-prewarm-');
const coldRepo = mkdtempSync(tmpdir() + '/harness-prewarm-');
try {
  mkdirSync(repo + '/.git');
  mkdirSync(repo + '/.harness/cache', { recursive: true });
  mkdirSync(repo + '/docs');
  writeFileSync(repo + '/.harness/cache/docs.json', '{}');
  mkdirSync(coldRepo + '/.git');
  const warm = prewarmParseWorkers(repo + '/docs', '.harness/cache/docs.json');
  const cold = prewarmParseWorkers(coldRepo, '.harness/cache/docs.json');
  const whilePrewarmed = prewarmParseWorkers(coldRepo, '.harness/cache/docs.json');
  const prewarmedPool = startParsePool({ mainThreadTakes: false });
  // The pool took the prewarmed workers: a new prewarm starts workers again (taken and closed at once).
  const afterTaken = prewarmParseWorkers(coldRepo, '.harness/cache/docs.json');
  startParsePool().close();
  const again = await prewarmedPool.parse(texts);
  const wanted = Math.min(availableParallelism(), 4) - 1;
  const prewarm = { warm, coldStarted: cold === wanted, whilePrewarmed, takenByPool: afterTaken === cold, reparsed: again.length, mismatches: mismatches(again), prewarmedFiles: prewarmedPool.workerFiles };
  const youngBounded = youngMb.length > 0 && youngMb.every((mb) => mb > 0 && mb <= 16);
  console.log(JSON.stringify({ prewarm, youngBounded, files: pooled.length, mismatches: mismatches(pooled), workerFiles: workersOnly.workerFiles, shared: { files: sharedParsed.length, mismatches: mismatches(sharedParsed) }, firstLinks: pooled[0].links.map((l) => l.url), anchors: [...pooled[299].anchors] }));
} finally {
  rmSync(repo, { recursive: true, force: true });
  rmSync(coldRepo, { recursive: true, force: true });
}
`;

describe('the parse pool (built)', () => {
  it('parses every file on the workers and the main thread, each in its place, as an in-thread parse does', async () => {
    // With a V8 flag and --input-type, as `node <flags> -e` has them: workers must start all the same.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-semi-space-size=16', '--input-type=module', '-e', script],
      { timeout: 60_000 },
    );
    expect(JSON.parse(stdout)).toEqual({
      prewarm: {
        warm: 0,
        coldStarted: true,
        whilePrewarmed: 0,
        takenByPool: true,
        reparsed: 300,
        mismatches: 0,
        prewarmedFiles: 300,
      },
      youngBounded: true,
      files: 300,
      mismatches: 0,
      workerFiles: 300,
      shared: { files: 300, mismatches: 0 },
      firstLinks: ['doc-1.md#usage', '../other-0.md'],
      anchors: ['doc-299', 'usage', 'usage-1'],
    });
  });
});
