// The parse pool as the built bin runs it: worker threads (which only start from dist/) and the
// main thread taking files from one counter. Every file must come back parsed, in its place, the
// same as an in-thread parse; a pool that is never used must not keep the process alive; workers
// the docs check starts early (no parse cache) are the ones the pool then uses.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url).href;

// Runs in a plain node process, so that the dist modules (not vitest's transformed sources) load.
const script = `
const { startParsePool } = await import('${dist}parse-in-parallel.js');
const { parseMarkdown } = await import('${dist}parse-markdown.js');
const texts = Array.from({ length: 300 }, (_, i) => '# Doc ' + i + '\\n\\nSee [next](doc-' + (i + 1) + '.md#usage) and \`src/file-' + i + '.ts\`.\\n\\n## Usage\\n\\n## Usage\\n' + (i % 7 === 0 ? '\\n[ref]: ../other-' + i + '.md\\n' : ''));
const pool = startParsePool();
// Give the worker time to load the parser, so that it surely takes a share of the files.
await new Promise((done) => setTimeout(done, 1500));
const pooled = await pool.parse(texts);
const inThread = texts.map((t) => parseMarkdown(t));
const plain = (p) => JSON.stringify({ ...p, anchors: [...p.anchors].sort() });
const mismatches = pooled.filter((p, i) => plain(p) !== plain(inThread[i])).length;
// An unused pool: closing it (or leaving it) must let the process end on its own.
startParsePool();
startParsePool().close();
// The docs check's prepare: workers start early only where no parse cache exists, and the pool takes them.
const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
const { tmpdir, availableParallelism } = await import('node:os');
const { prewarmParseWorkers } = await import('${dist}parse-workers.js');
const repo = mkdtempSync(tmpdir() + '/harness-prewarm-');
mkdirSync(repo + '/.git');
mkdirSync(repo + '/.harness/cache', { recursive: true });
mkdirSync(repo + '/docs');
writeFileSync(repo + '/.harness/cache/docs.json', '{}');
const warm = prewarmParseWorkers(repo + '/docs', '.harness/cache/docs.json');
const coldRepo = mkdtempSync(tmpdir() + '/harness-prewarm-');
mkdirSync(coldRepo + '/.git');
const cold = prewarmParseWorkers(coldRepo, '.harness/cache/docs.json');
const prewarmedPool = startParsePool();
await new Promise((done) => setTimeout(done, 1500));
const again = await prewarmedPool.parse(texts);
const prewarm = { warm, coldStarted: cold === Math.min(availableParallelism(), 4) - 1, reparsed: again.length, prewarmedTookSome: cold === 0 || prewarmedPool.workerFiles > 0 };
console.log(JSON.stringify({ prewarm, files: pooled.length, mismatches, workerTookSome: pool.workerFiles > 0 && pool.workerFiles < 300, firstLinks: pooled[0].links.map((l) => l.url), anchors: [...pooled[299].anchors] }));
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
      prewarm: { warm: 0, coldStarted: true, reparsed: 300, prewarmedTookSome: true },
      files: 300,
      mismatches: 0,
      workerTookSome: true,
      firstLinks: ['doc-1.md#usage', '../other-0.md'],
      anchors: ['doc-299', 'usage', 'usage-1'],
    });
  });
});
