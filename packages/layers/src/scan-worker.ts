// A scan worker thread (see scan-in-parallel.ts): it compiles the lexer at once, then waits for the
// job and reads and lexes files from the shared counter alongside the main thread, sending each
// chunk back as it finishes it.
import { parentPort } from 'node:worker_threads';
import { initLexer } from './lex-imports.js';
import type { ScanJob } from './scan-in-parallel.js';
import { takeChunks } from './scan-in-parallel.js';

const ready = initLexer(false);

parentPort?.once('message', (job: ScanJob) => {
  void ready
    .then(() => takeChunks(job, (chunk, results) => parentPort?.postMessage({ chunk, results })))
    .finally(() => parentPort?.postMessage({ done: true }));
});
