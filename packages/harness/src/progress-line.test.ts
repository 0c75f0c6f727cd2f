import { describe, expect, it } from 'vitest';
import { createProgressLine } from './progress-line.js';

describe('createProgressLine', () => {
  it('draws the budget and run in place, and clears the line when the run ends', () => {
    const written: string[] = [];
    const progress = createProgressLine((text) => written.push(text));
    progress.onProgress({ kind: 'start', budget: 'build', run: 2, runs: 3, warmup: false });
    progress.onProgress({ kind: 'end', budget: 'build', run: 2, runs: 3, warmup: false, durationMs: 10, exitCode: 0 });
    progress.onProgress({ kind: 'start', budget: 'build', run: 1, runs: 1, warmup: true });
    progress.stop();
    expect(written).toEqual([
      '\r\u001b[K⠙ build  run 2/3  0.0 s',
      '\r\u001b[K',
      '\r\u001b[K⠹ build  warm-up 1/1  0.0 s',
      '\r\u001b[K',
    ]);
  });
});
