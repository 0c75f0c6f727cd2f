// Preloaded with `node --import` into a measured process: on exit it writes the process's peak
// resident set size (KB) and CPU time (user + system, µs, all threads) to BENCH_USAGE_FILE, so
// that a run on a busy machine can be read by the work it did, not only by the wall clock.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
}
