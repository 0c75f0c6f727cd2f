// Reading and lexing the new and changed files, on the main thread and on worker threads at once: a
// cold run reads and lexes every file, which is half of its time. Files are taken in chunks from
// a shared counter (Atomics), so a thread that gets less of the machine simply takes fewer chunks;
// a chunk a failed worker took but never sent back is done by the main thread afterwards. Workers
// run from the built package only (tests run the sources in one thread), and only for many files.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { initLexer } from './lex-imports.js';
import type { SourceRead } from './read-source.js';
import { readSource } from './read-source.js';

export interface ReadJob {
  /** Repository-relative. */
  path: string;
  /** The cached hash: a file with this hash is not lexed again. */
  expected: string | undefined;
}

export interface ScanJob {
  root: string;
  jobs: readonly ReadJob[];
  /** Int32 at 0: the next chunk to take. */
  next: SharedArrayBuffer;
}

type ChunkResults = Array<[index: number, read: SourceRead | undefined]>;
type WorkerMessage = { chunk: number; results: ChunkResults } | { done: true };

const chunkSize = 16;
/** Fewer files than this are read on the main thread: a worker costs about as much to start. */
const parallelFrom = 400;
const workerUrl = new URL('./scan-worker.js', import.meta.url);
let prewarmed: Worker[] = [];

function wantedWorkers(): number {
  return import.meta.url.endsWith('.js') ? Math.min(availableParallelism(), 4) - 1 : 0;
}

/**
 * Starts the workers before the config is read when the run will lex every file: no layers cache
 * in the repository's root (where the run will look: locateConfig's root). Returns how many were started.
 */
export function prewarmScanWorkers(root: string, cacheFile: string): number {
  if (prewarmed.length > 0 || wantedWorkers() < 1 || existsSync(join(root, cacheFile))) return 0;
  prewarmed = startWorkers();
  return prewarmed.length;
}

/** Told of each job's result as soon as it is in, on the main thread, while other files are still read. */
export type OnRead = (index: number, read: SourceRead | undefined) => void;

/**
 * Reads (and lexes) every job's file; one result per job, in order. `onRead` hears of each result
 * as it comes in: between two chunks of its own, the main thread takes in what the workers sent,
 * so work on a file's result (resolving its imports) is done while the workers still read.
 */
export async function readSources(
  root: string,
  jobs: readonly ReadJob[],
  onRead?: OnRead,
): Promise<Array<SourceRead | undefined>> {
  const workers = jobs.length >= parallelFrom ? (prewarmed.length > 0 ? prewarmed : startWorkers()) : [];
  for (const idle of prewarmed) if (!workers.includes(idle)) void idle.terminate();
  prewarmed = [];
  const results = new Array<SourceRead | undefined>(jobs.length);
  if (jobs.length === 0) return results;
  const chunks = Math.ceil(jobs.length / chunkSize);
  const done = new Set<number>();
  let allDone = (): void => undefined;
  const everyChunk = new Promise<void>((resolve) => (allDone = resolve));
  const collect = (chunk: number, found: ChunkResults): void => {
    if (done.has(chunk)) return;
    done.add(chunk);
    for (const [index, read] of found) {
      results[index] = read;
      onRead?.(index, read);
    }
    if (done.size === chunks) allDone();
  };
  const job: ScanJob = { root, jobs, next: new SharedArrayBuffer(4) };
  const stopped = workers.map((worker) => runWorker(worker, job, collect));
  await initLexer(false);
  // Between two chunks, one turn of the event loop, in which the workers' finished chunks come in.
  await takeChunks(job, collect, workers.length > 0 ? () => new Promise(setImmediate) : undefined);
  // Wait only for chunks a worker is still reading: not for a worker still starting, which has none.
  if (done.size < chunks) await Promise.race([everyChunk, Promise.all(stopped)]);
  for (const worker of workers) void worker.terminate();
  for (let chunk = 0; chunk < chunks; chunk++) if (!done.has(chunk)) collect(chunk, await readChunk(job, chunk));
  return results;
}

/**
 * Takes chunks from the shared counter until none is left (the main thread and each worker),
 * awaiting `between` after each.
 */
export async function takeChunks(
  job: ScanJob,
  done: (chunk: number, results: ChunkResults) => void,
  between?: () => Promise<unknown>,
): Promise<void> {
  const next = new Int32Array(job.next);
  const chunks = Math.ceil(job.jobs.length / chunkSize);
  for (let chunk = Atomics.add(next, 0, 1); chunk < chunks; chunk = Atomics.add(next, 0, 1)) {
    done(chunk, await readChunk(job, chunk));
    await between?.();
  }
}

async function readChunk(job: ScanJob, chunk: number): Promise<ChunkResults> {
  const results: ChunkResults = [];
  const end = Math.min(job.jobs.length, (chunk + 1) * chunkSize);
  for (let index = chunk * chunkSize; index < end; index++) {
    const { path, expected } = job.jobs[index] as ReadJob;
    results.push([index, await readSource(join(job.root, path), path, expected)]);
  }
  return results;
}

function startWorkers(): Worker[] {
  const workers: Worker[] = [];
  for (let i = 0; i < wantedWorkers(); i++) {
    try {
      // The worker runs this package's own modules and needs none of the process's Node options.
      const worker = new Worker(workerUrl, { execArgv: [] });
      // Until it has a job it must not keep the process alive (a run that fails early, or lexes little).
      worker.unref();
      // A worker that fails before it has a job (a broken install) must not take the process down:
      // an 'error' event without a listener would throw. runWorker listens once it has the job.
      worker.on('error', () => undefined);
      workers.push(worker);
    } catch {
      // No worker: the main thread reads its share.
    }
  }
  return workers;
}

/** Gives the worker the job; resolves when it is done, fails or exits (its missing chunks are redone). */
function runWorker(
  worker: Worker,
  job: ScanJob,
  onChunk: (chunk: number, results: ChunkResults) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) resolve();
      else onChunk(message.chunk, message.results);
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
    worker.postMessage(job);
  });
}
