// A worker thread that parses a share of the markdown files (see parse-in-parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { parseMarkdown } from './parse-markdown.js';

const texts = workerData as string[];
parentPort?.postMessage(
  texts.map((text) => {
    const parsed = parseMarkdown(text);
    return { ...parsed, anchors: [...parsed.anchors] };
  }),
);
