// The loop under soak: the built `harness factory` as a child process in its own process group,
// killed with SIGKILL to that group (as `kill -9 -<pgid>`) and started again, its stderr kept per run.
// No runtime import of a sibling module (the CI slice imports this file).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LoopExit {
  run: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
  log: string;
}

export interface LoopRunnerOptions {
  harnessBin: string;
  root: string;
  env: Record<string, string>;
  /** Arguments after `factory` (e.g. ['--once']). */
  args: string[];
  logDir: string;
  /** Called after every exit; answers whether to start the loop again. */
  afterExit: (exit: LoopExit) => boolean;
}

export interface LoopRunner {
  start(): void;
  /** SIGKILL to the loop's process group; false when no loop is running. */
  kill(): boolean;
  running(): boolean;
  readonly starts: number;
  readonly kills: number;
  /** Asks the loop to stop (SIGINT: it finishes its pass), SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs: number): Promise<void>;
  /** Resolves when the runner will not start the loop again. */
  finished: Promise<void>;
}

export function createLoopRunner(options: LoopRunnerOptions): LoopRunner {
  let child: ChildProcess | undefined;
  let killedByUs = false;
  let stopping = false;
  let starts = 0;
  let kills = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const start = () => {
    starts += 1;
    const run = starts;
    const log = join(options.logDir, `loop-${run}.log`);
    const fd = openSync(log, 'a');
    killedByUs = false;
    const spawned = spawn(process.execPath, [options.harnessBin, 'factory', ...options.args], {
      cwd: options.root,
      env: options.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    child = spawned;
    spawned.once('exit', (code, signal) => {
      child = undefined;
      const exit = { run, code, signal, killed: killedByUs, log: tail(log) };
      if (!stopping && options.afterExit(exit)) start();
      else finish();
    });
  };

  return {
    start,
    kill() {
      if (child?.pid === undefined || child.exitCode !== null || killedByUs) return false;
      killedByUs = true;
      kills += 1;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        return false;
      }
      return true;
    },
    running: () => child !== undefined,
    get starts() {
      return starts;
    },
    get kills() {
      return kills;
    },
    async stop(graceMs) {
      stopping = true;
      const current = child;
      if (current?.pid === undefined) {
        finish();
        return;
      }
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGINT');
      const timer = setTimeout(() => {
        try {
          if (current.pid !== undefined) process.kill(-current.pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
    finished,
  };
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
