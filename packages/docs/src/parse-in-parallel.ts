// Parses many markdown files on every core: parsing is most of a cold run's time. The main thread
// takes a share too; small batches, and runs from TypeScript sources (tests), parse in-thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedMarkdown } from './parse-markdown.js';
import { parseMarkdown } from './parse-markdown.js';

const minFilesForWorkers = 200;
const workerUrl = new URL('./parse-worker.js', import.meta.url);

export async function parseInParallel(texts: readonly string[]): Promise<ParsedMarkdown[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (texts.length < minFilesForWorkers || threads < 2 || !import.meta.url.endsWith('.js')) return texts.map((t) => parseMarkdown(t));
  const share = Math.ceil(texts.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => texts.slice(i * share, (i + 1) * share));
  const [own = [], ...others] = shares;
  const workers = others.map((batch) => runWorker(batch));
  const mine = own.map((t) => parseMarkdown(t));
  const rest = await Promise.all(workers);
  return [...mine, ...rest.flat()];
}

function runWorker(texts: readonly string[]): Promise<ParsedMarkdown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: texts });
    worker.once('message', (parsed: Array<Omit<ParsedMarkdown, 'anchors'> & { anchors: string[] }>) => {
      resolve(parsed.map((p) => ({ ...p, anchors: new Set(p.anchors) })));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
