#!/usr/bin/env node
// How much harness budget adds around a command, and how the history scales.
// Run after `pnpm build`: node bench/budget/history.bench.mjs
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendHistoryEntry,
  createBudgetReport,
  historyFile,
  median,
  readHistory,
  runCommand,
} from '../../packages/budget/dist/index.js';

const work = new URL('../.work/budget/', import.meta.url).pathname;
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. Timing overhead: what the adapter reports for `sleep 0.5` beyond 500 ms (shell start, spawn, exit).
const sleeps = [];
for (let i = 0; i < 7; i++)
  sleeps.push((await runCommand({ command: 'sleep 0.5', cwd: work, env: process.env })).durationMs - 500);
console.log(
  `sleep 0.5 measured overhead: median ${median(sleeps).toFixed(1)} ms (min ${Math.min(...sleeps).toFixed(1)}, max ${Math.max(...sleeps).toFixed(1)}) over 7 runs`,
);

// 2. Appending: one open, one write, one close per line.
const machine = {
  cores: 2,
  cpu: 'bench',
  memoryMb: 1,
  os: 'linux',
  arch: 'x64',
  node: process.versions.node,
  ci: false,
};
const tasks = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`@scope/pkg${i}#build`, { ms: 1000 + i, cache: 'MISS' }]),
);
const lines = 20_000;
const started = performance.now();
for (let i = 0; i < lines; i++) {
  await appendHistoryEntry(work, {
    v: 1,
    budget: i % 2 ? 'build' : 'test',
    invocation: `inv${Math.floor(i / 6)}`,
    run: (i % 3) + 1,
    runs: 3,
    time: new Date(1_790_000_000_000 + i * 60_000).toISOString(),
    commit: 'a'.repeat(40),
    branch: 'main',
    dirty: false,
    command: 'pnpm turbo run build --force',
    seconds: 60,
    durationMs: 9000 + (i % 500),
    exitCode: 0,
    machine,
    turbo: { hit: 0, miss: 12, tasks },
  });
}
const appendMs = performance.now() - started;
const bytes = statSync(join(work, historyFile)).size;
console.log(
  `append: ${lines} lines of ${Math.round(bytes / lines)} bytes in ${appendMs.toFixed(0)} ms (${((appendMs / lines) * 1000).toFixed(0)} µs per line)`,
);

// 3. Reading it back and building the report (what `harness budget report` and `harness check` do).
const reads = [];
let report;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const { entries } = await readHistory(work);
  report = createBudgetReport({
    entries,
    budgets: [
      { name: 'build', command: 'x', seconds: 60 },
      { name: 'test', command: 'y', seconds: 60 },
    ],
  });
  reads.push(performance.now() - t);
}
console.log(
  `read + report: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${lines} lines: median ${median(reads).toFixed(0)} ms over 5 (${report.budgets.length} budgets)`,
);
