// Preloaded with `node --import` into a measured process: on exit it writes the process's peak
// resident set size (KB) and its CPU time (user + system, ms, all threads), both from getrusage,
// as `<rssKb> <cpuMs>` to the file named by BENCH_RSS_FILE. CPU time barely moves with the
// machine's load, wall time does: on a shared machine both are worth reading.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}`);
  });
