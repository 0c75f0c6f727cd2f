// Parses many markdown files on every core: parsing is most of a cold run's time. Workers are
// started before the files are known (parse-workers.ts; on a cold `harness check` even before the
// config is read), so that loading the parser in them overlaps the rest of the start. The main
// thread and the workers then take files from one shared counter, so a worker that starts late, or
// a core that is busy, leaves no thread idle while another still has a queue. Small batches, and
// runs from TypeScript sources (tests), parse in-thread. The parser itself is loaded only when
// there is something to parse: a warm run whose files are all cached never loads it.
import type { ParsedMarkdown } from './parse-markdown.js';
import { takeParseWorkers } from './parse-workers.js';

type Parse = (text: string) => ParsedMarkdown;

const minFilesForWorkers = 200;
/** Files taken from the counter at a time: few enough to balance, enough to keep the counter cold. */
const parseBatch = 8;

/** What the main thread sends a worker: every text, the counter all threads take from, and its gate. */
export interface ParseJob {
  texts: readonly string[];
  next: SharedArrayBuffer;
  /** One cell per worker: 0 job sent, 1 the worker started taking files, 2 the main thread needs it no more. */
  gates: SharedArrayBuffer;
  slot: number;
}

const gateOpen = 0;
const gateTaken = 1;
const gateClosed = 2;

/** In a worker: whether it may still take files (the main thread has not finished without it). */
export function enterGate(job: ParseJob): boolean {
  return Atomics.compareExchange(new Int32Array(job.gates), job.slot, gateOpen, gateTaken) === gateOpen;
}

export interface ParsePool {
  parse(texts: readonly string[]): Promise<ParsedMarkdown[]>;
  /** Stops workers that were never given files (every file was cached). */
  close(): void;
  /** How many files parse() left to the worker threads. */
  readonly workerFiles: number;
}

export interface ParsePoolOptions {
  /**
   * false: the main thread takes no files and waits for the workers' shares. Tests use it to make
   * sure the workers' path is taken whatever the scheduler does (a main thread racing a worker that
   * is still loading the parser takes every file).
   */
  mainThreadTakes?: boolean | undefined;
}

/** Starts the workers (or takes those the docs check prewarmed); parse() later hands them the files. */
export function startParsePool(options: ParsePoolOptions = {}): ParsePool {
  const mainThreadTakes = options.mainThreadTakes ?? true;
  let workers = takeParseWorkers();
  const close = (): void => {
    for (const { worker } of workers) void worker.terminate();
    workers = [];
  };
  let workerFiles = 0;
  return {
    close,
    get workerFiles() {
      return workerFiles;
    },
    async parse(texts) {
      const { parseMarkdown } = await import('./parse-markdown.js');
      if (texts.length < minFilesForWorkers || workers.length === 0) {
        close();
        return texts.map((t) => parseMarkdown(t));
      }
      const next = new Int32Array(new SharedArrayBuffer(4));
      const gates = new Int32Array(new SharedArrayBuffer(4 * workers.length));
      const started = workers.map(({ worker, share }, slot) => {
        worker.ref();
        worker.postMessage({ texts, next: next.buffer, gates: gates.buffer, slot } satisfies ParseJob);
        return { worker, share, slot };
      });
      workers = [];
      const results = new Array<ParsedMarkdown | undefined>(texts.length);
      if (mainThreadTakes) takeFiles(texts, next, parseMarkdown, (i, parsed) => (results[i] = parsed));
      for (const { worker, share, slot } of started) {
        // A worker still loading the parser when the main thread ran out of files is not waited for.
        if (mainThreadTakes && Atomics.compareExchange(gates, slot, gateOpen, gateClosed) === gateOpen) {
          void worker.terminate();
          continue;
        }
        const parsed = await share;
        workerFiles += parsed.length;
        for (const [i, p] of parsed) results[i] = { ...p, anchors: new Set(p.anchors) };
      }
      // A worker that failed left the files it took unparsed: parse them here.
      return results.map((r, i) => r ?? parseMarkdown(texts[i] ?? ''));
    },
  };
}

/** Parses files from the shared counter until none are left. */
export function takeFiles(
  texts: readonly string[],
  next: Int32Array,
  parse: Parse,
  done: (index: number, parsed: ParsedMarkdown) => void,
): void {
  for (let start = Atomics.add(next, 0, parseBatch); start < texts.length; start = Atomics.add(next, 0, parseBatch)) {
    const end = Math.min(start + parseBatch, texts.length);
    for (let i = start; i < end; i++) done(i, parse(texts[i] ?? ''));
  }
}
