// The child-process adapter for the agent command (docs/factory.md "The agent protocol"):
// `sh -c <factory.agent>` in the worktree, the prompt on stdin, stdout and stderr
// streamed to the turn's log. It runs in its own process group so a timeout or a
// stall (no output for `stallMs`) kills the agent and everything it started.
import { spawn } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { constants, createWriteStream, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { HarnessError } from '@harness/diagnostics';

/** The two timers the loop sets; tests pass their own to fire a stall or a timeout on cue. */
export interface AgentTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RunAgentOptions {
  command: string;
  cwd: string;
  prompt: string;
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
  stallMs: number;
  /** Where stdout and stderr go, as they come. */
  logFile?: string;
  /** Told the pid as soon as the agent starts, so state can record it before the turn ends. */
  onStart?: (pid: number) => void;
  timers?: AgentTimers;
}

export interface AgentRun {
  exitCode: number | null;
  signal: string | null;
  /** The end of stdout (the outcome is its last line): at most `maxStdoutChars`; the log has all of it. */
  stdout: string;
  /** How many characters of stdout were dropped from the front to keep it bounded. */
  stdoutDropped?: number;
  /** Why the loop killed it, when it did. */
  killed?: 'timeout' | 'stall';
  durationMs: number;
}

/** A transcript can run to gigabytes; the outcome line is at its end. */
export const maxStdoutChars = 1024 * 1024;

const logFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW;

const realTimers: AgentTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function runAgent(options: RunAgentOptions): Promise<AgentRun> {
  const started = Date.now();
  let log: WriteStream | undefined;
  try {
    log = openLog(options.logFile);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', options.command], {
      cwd: options.cwd,
      env: { ...options.env },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const watch = watchAgent(child.pid, options);
    const stdout = keepEnd(maxStdoutChars);
    let logError: Error | undefined;
    // A log that cannot be written (a full disk, a folder in its place) ends the turn with IO_FAILED, not a crash.
    log?.on('error', (error) => {
      logError ??= error;
      watch.kill('stall');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk.toString('utf8'));
      log?.write(chunk);
      watch.heard();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      watch.heard();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      watch.stop();
      log?.end();
      reject(startError(error, options));
    });
    child.on('close', (code, signal) => {
      watch.stop();
      const killed = watch.killed();
      const run: AgentRun = {
        exitCode: code,
        signal,
        stdout: stdout.text(),
        durationMs: Date.now() - started,
        ...(stdout.dropped() > 0 ? { stdoutDropped: stdout.dropped() } : {}),
        ...(killed === undefined ? {} : { killed }),
      };
      if (logError !== undefined)
        reject(
          new HarnessError('IO_FAILED', `cannot write the agent's log ${options.logFile}: ${logError.message}`, {
            place: { file: options.logFile ?? '' },
            fix: 'Check that the folder is writable and the disk is not full.',
            cause: logError,
          }),
        );
      else if (log === undefined) resolve(run);
      else log.end(() => resolve(run));
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    // An agent that never reads stdin (or exits before reading it all) must not fail the turn with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.prompt);
  });
}

/** O_NOFOLLOW: a log that is a symlink (out of the repository, say) is refused, never appended through. */
function openLog(file: string | undefined): WriteStream | undefined {
  if (file === undefined) return undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    return createWriteStream(file, { fd: openSync(file, logFlags) });
  } catch (cause) {
    throw new HarnessError('IO_FAILED', `cannot write the agent's log ${file}: ${(cause as Error).message}`, {
      place: { file },
      fix: "Check that the folder is writable, and replace a symlink in the log's place with nothing (harness creates the file).",
      cause,
    });
  }
}

/** The stall and timeout timers; either kills the agent's whole process group. */
function watchAgent(pid: number | undefined, options: RunAgentOptions) {
  const timers = options.timers ?? realTimers;
  let killed: AgentRun['killed'];
  const kill = (why: 'timeout' | 'stall') => {
    killed ??= why;
    try {
      if (pid !== undefined) process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  };
  let stall = timers.set(() => kill('stall'), options.stallMs);
  const timeout = timers.set(() => kill('timeout'), options.timeoutMs);
  return {
    kill,
    killed: () => killed,
    heard() {
      timers.clear(stall);
      stall = timers.set(() => kill('stall'), options.stallMs);
    },
    stop() {
      timers.clear(stall);
      timers.clear(timeout);
    },
  };
}

/** The last `max` characters of a stream, and how many were dropped before them. */
function keepEnd(max: number) {
  let text = '';
  let dropped = 0;
  return {
    push(chunk: string) {
      text += chunk;
      if (text.length > max) {
        dropped += text.length - max;
        text = text.slice(-max);
      }
    },
    text: () => text,
    dropped: () => dropped,
  };
}

/** No shell, or a worktree that is gone: the user's to fix, said as such. */
function startError(error: NodeJS.ErrnoException, options: RunAgentOptions): Error {
  if (error.code !== 'ENOENT') return error;
  return new HarnessError('TOOL_MISSING', `cannot start the agent in ${options.cwd}: ${error.message}`, {
    place: { file: options.cwd },
    fix: 'Check that the worktree exists and that a POSIX shell is installed at /bin/sh.',
    cause: error,
  });
}
