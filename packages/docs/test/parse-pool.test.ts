// The parse pool as the built bin runs it: worker threads (which only start from dist/) and the
// main thread taking files from one counter. Every file must come back parsed, in its place, the
// same as an in-thread parse; a pool that is never used must not keep the process alive.
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
console.log(JSON.stringify({ files: pooled.length, mismatches, workerTookSome: pool.workerFiles > 0 && pool.workerFiles < 300, firstLinks: pooled[0].links.map((l) => l.url), anchors: [...pooled[299].anchors] }));
`;

describe('the parse pool (built)', () => {
  it('parses every file on the workers and the main thread, each in its place, as an in-thread parse does', async () => {
    // With a V8 flag and --input-type, as `node <flags> -e` has them: workers must start all the same.
    const { stdout } = await promisify(execFile)(process.execPath, ['--max-semi-space-size=16', '--input-type=module', '-e', script], { timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({ files: 300, mismatches: 0, workerTookSome: true, firstLinks: ['doc-1.md#usage', '../other-0.md'], anchors: ['doc-299', 'usage', 'usage-1'] });
  });
});
