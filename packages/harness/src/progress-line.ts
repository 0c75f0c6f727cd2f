// The live progress line of `harness budget` on a terminal: which budget, which
// run, and the seconds ticking, redrawn in place on stderr.
import type { BudgetProgress } from 'agent-harness-budget';

export interface ProgressLine {
  onProgress(event: BudgetProgress): void;
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export function createProgressLine(write: (text: string) => void): ProgressLine {
  let current: { label: string; started: number } | undefined;
  let frame = 0;
  const draw = () => {
    if (current === undefined) return;
    frame = (frame + 1) % frames.length;
    const seconds = ((performance.now() - current.started) / 1000).toFixed(1);
    write(`\r\u001b[K${frames[frame]} ${current.label}  ${seconds} s`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    onProgress(event) {
      if (event.kind === 'start') {
        const what = event.warmup ? `warm-up ${event.run}/${event.runs}` : `run ${event.run}/${event.runs}`;
        current = { label: `${event.budget}  ${what}`, started: performance.now() };
        draw();
      } else {
        current = undefined;
        write('\r\u001b[K');
      }
    },
    stop() {
      clearInterval(timer);
      if (current !== undefined) write('\r\u001b[K');
      current = undefined;
    },
  };
}
