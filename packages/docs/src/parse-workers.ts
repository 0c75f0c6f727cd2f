// The parse pool's worker threads, apart from the parser itself so that the docs check can start
// them before anything else is loaded (docs-check.ts prepare): a worker takes about 0.3 s to load
// the parser, and that should overlap reading the config rather than follow it.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedMarkdown } from './parse-markdown.js';

/** What a worker sends back: the files it took, by index, with anchors as a list. */
export type ParsedShare = Array<[number, Omit<ParsedMarkdown, 'anchors'> & { anchors: string[] }]>;

export interface ParseWorker {
  worker: Worker;
  /** What it sends back once given a job; nothing when it fails or exits early. */
  share: Promise<ParsedShare>;
}

const workerUrl = new URL('./parse-worker.js', import.meta.url);
/**
 * A parser thread's young generation. Left to V8 it grows to well over 100 MB while the parser
 * allocates, and most of a cold run's peak memory was the threads' young generations; the parser's
 * objects die young (a piece at a time, parse-pieces.ts), so a small one costs no time measured.
 */
const youngGenerationMb = 16;
let prewarmed: ParseWorker[] = [];

/** Worker threads to start: one per further core (up to 3), none from sources (tests) or on one core. */
function wantedWorkers(): number {
  return import.meta.url.endsWith('.js') ? Math.min(availableParallelism(), 4) - 1 : 0;
}

/**
 * Starts the workers now when the run will parse every file: no parse cache between `cwd` and the
 * repository root. Returns how many were started.
 */
export function prewarmParseWorkers(cwd: string, cacheFile: string): number {
  if (prewarmed.length > 0 || wantedWorkers() < 1) return 0;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, cacheFile))) return 0; // a warm run parses little: no threads needed
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  prewarmed = spawnParseWorkers();
  return prewarmed.length;
}

/** The prewarmed workers, or new ones. */
export function takeParseWorkers(): ParseWorker[] {
  const taken = prewarmed.length > 0 ? prewarmed : spawnParseWorkers();
  prewarmed = [];
  return taken;
}

function spawnParseWorkers(): ParseWorker[] {
  return Array.from({ length: wantedWorkers() }, () => spawn()).filter((w) => w !== undefined);
}

function spawn(): ParseWorker | undefined {
  let worker: Worker;
  try {
    // The worker runs this package's own modules and needs none of the process's Node options
    // (`--input-type` of a `node -e` script would even stop it loading a file).
    worker = new Worker(workerUrl, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
  } catch {
    return undefined; // no worker: its share is parsed on the other threads
  }
  const share = new Promise<ParsedShare>((resolve) => {
    worker.once('message', (parsed: ParsedShare) => {
      resolve(parsed);
      void worker.terminate();
    });
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
  // Until it has a job, a worker must not keep the process alive (a run that fails early, finds
  // every file cached, or does not check docs). After the listeners: a 'message' listener refs it.
  worker.unref();
  return { worker, share };
}
