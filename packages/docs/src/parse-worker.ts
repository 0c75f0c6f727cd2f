// A worker thread of the parse pool (see parse-in-parallel.ts): it loads the parser at once, then
// waits for the job and parses files from the shared counter alongside the main thread, unless the
// main thread finished them all before this worker was ready.
import { parentPort } from 'node:worker_threads';
import type { ParseJob } from './parse-in-parallel.js';
import type { ParsedShare } from './parse-workers.js';
import { enterGate, takeFiles } from './parse-in-parallel.js';
import { parseMarkdown } from './parse-markdown.js';

parentPort?.once('message', (job: ParseJob) => {
  const share: ParsedShare = [];
  if (enterGate(job))
    takeFiles(job.texts, new Int32Array(job.next), parseMarkdown, (i, parsed) =>
      share.push([i, { ...parsed, anchors: [...parsed.anchors] }]),
    );
  parentPort?.postMessage(share);
});
