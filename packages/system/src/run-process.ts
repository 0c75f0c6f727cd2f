// The one child-process runner (docs/system.md "Processes and git"): no shell unless asked, stdin
// closed unless given, no prompts, output bounded in bytes, its own process group on request, and a
// timeout, an idle timeout and an AbortSignal that kill the child (or its whole group).
// Spec: https://nodejs.org/api/child_process.html#child_processspawncommand-args-options
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env } from './env.js';
import type { OutputBuffer } from './run-process-output.js';
import { createOutputBuffer, stderrTailBytes } from './run-process-output.js';
import { exitCodeOf, sendSignal } from './signals.js';

/** What a timer is for, so a test's clock can fire the one it means. */
export type TimerKind = 'timeout' | 'idle' | 'kill-grace' | 'drain';

/** The timers the runner sets; tests pass their own to fire a timeout or an idle stop on cue. */
export interface Timers {
  set(callback: () => void, ms: number, kind: TimerKind): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Why the runner stopped the child, when it did. */
type KillReason = 'timeout' | 'idle' | 'abort' | 'overflow';

export interface RunProcessOptions {
  cwd?: string | undefined;
  /** Default `process.env`. Unless stdin is inherited, the variables of `noPromptEnv` are set on top. */
  env?: Env | undefined;
  /** Run `file` as a command line of `/bin/sh -c` (then `args` must be empty). */
  shell?: boolean | undefined;
  /**
   * Written to stdin, which is then closed; an EPIPE from a child that exits before reading it is not an error.
   * A stream is piped (stdin closes when it ends): a conversation over stdio, such as a JSON-RPC agent.
   */
  input?: string | Uint8Array | NodeJS.ReadableStream | undefined;
  /** Give the child our stdin (an interactive command); it may then prompt. Otherwise stdin is closed. */
  inheritStdin?: boolean | undefined;
  /** Give the child our stdout and stderr (a terminal keeps its colours); nothing is collected. */
  inheritOutput?: boolean | undefined;
  /** Output as it arrives, decoded as UTF-8 (a character split across chunks is kept whole). */
  onStdout?: ((chunk: string) => void) | undefined;
  onStderr?: ((chunk: string) => void) | undefined;
  /** Bytes of stdout kept (default `defaultMaxOutputBytes`). */
  maxOutputBytes?: number | undefined;
  /** Past the cap: `kill` the child (default: an answer cut short is no answer) or keep the `end`. */
  overflow?: 'kill' | 'keep-end' | undefined;
  /** Lead a new process group; every kill then reaches the whole tree the child started. */
  processGroup?: boolean | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Killed after this long without output on stdout or stderr. */
  idleMs?: number | undefined;
  /** How a kill is sent: SIGKILL at once (undefined), or SIGTERM first and SIGKILL after this grace. */
  killGraceMs?: number | undefined;
  timers?: Timers | undefined;
  /** A monotonic clock in milliseconds for `durationMs` (default `performance.now`). */
  clock?: (() => number) | undefined;
  onStart?: ((pid: number) => void) | undefined;
  /** When given, a program that cannot be started rejects with TOOL_MISSING and this fix (the install command). */
  missingFix?: string | undefined;
}

export interface ProcessResult {
  /** The exit code; 127 when the program could not be started, 128 + n when signal n ended it. */
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last 64 KiB of stderr. */
  stderr: string;
  /** The program could not be started (ENOENT: not installed, or the folder is gone). */
  missing: boolean;
  /** Stdout passed `maxOutputBytes`: the child was stopped (`kill`), or only the end is kept. */
  truncated: boolean;
  /** Bytes of stdout not kept. */
  droppedBytes: number;
  killed?: KillReason;
  /** From spawn to exit. */
  durationMs: number;
}

/** 64 MiB: `docker inspect` of many containers; git calls use their own documented limit. */
const defaultMaxOutputBytes = 64 * 1024 * 1024;
/** After the child exits, what it left running in its group may hold the pipes open this long. */
const drainCapMs = 2000;

/** Variables that make git, ssh helpers and credential managers fail instead of asking a person. */
export function noPromptEnv(env: Env = process.env): Record<string, string | undefined> {
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GCM_INTERACTIVE: 'never' };
}

/** Runs `file args…` and collects its output, bounded. Rejects only for `missingFix` (TOOL_MISSING). */
export function runProcess(
  file: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const clock = options.clock ?? (() => performance.now());
    const started = clock();
    const child = spawnChild(file, args, options);
    const stop = createStopper(child, options);
    const out = collect(child, options, stop);
    let exitedAt: number | undefined;
    child.once('error', (error: NodeJS.ErrnoException) => {
      stop.dispose();
      if (error.code === 'ENOENT' && options.missingFix !== undefined) {
        reject(missingError(file, options, error));
        return;
      }
      const missing = error.code === 'ENOENT';
      resolve({ ...emptyResult(missing ? 127 : 126), stderr: error.message, missing });
    });
    child.once('exit', () => {
      exitedAt = clock();
      if (options.processGroup === true) drainGroup(child, options.timers ?? realTimers);
    });
    child.once('close', (code, signal) => {
      if (child.pid === undefined) return; // never started: 'error' settles
      stop.dispose();
      const reason = stop.reason();
      const overflowKilled = reason === 'overflow';
      resolve({
        code: overflowKilled && code === 0 ? 1 : exitCodeOf(code, signal),
        signal,
        stdout: overflowKilled ? '' : out.stdout.text(),
        stderr: overflowKilled
          ? `${file} printed more than ${maxBytes(options)} bytes; it was stopped`
          : out.stderr.text(),
        missing: false,
        truncated: out.stdout.dropped() > 0,
        droppedBytes: out.stdout.dropped(),
        ...(reason === undefined ? {} : { killed: reason }),
        durationMs: (exitedAt ?? clock()) - started,
      });
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    writeInput(child, options.input);
  });
}

function spawnChild(file: string, args: readonly string[], options: RunProcessOptions): ChildProcess {
  const stdin = options.inheritStdin === true ? 'inherit' : options.input === undefined ? 'ignore' : 'pipe';
  const output = options.inheritOutput === true ? 'inherit' : 'pipe';
  const env = options.env ?? process.env;
  return spawn(file, args, {
    cwd: options.cwd,
    env: options.inheritStdin === true ? { ...env } : noPromptEnv(env),
    shell: options.shell === true,
    detached: options.processGroup === true && process.platform !== 'win32',
    stdio: [stdin, output, output],
  });
}

function maxBytes(options: RunProcessOptions): number {
  return options.maxOutputBytes ?? defaultMaxOutputBytes;
}

function emptyResult(code: number): ProcessResult {
  return {
    code,
    signal: null,
    stdout: '',
    stderr: '',
    missing: false,
    truncated: false,
    droppedBytes: 0,
    durationMs: 0,
  };
}

function writeInput(child: ChildProcess, input: RunProcessOptions['input']): void {
  if (input === undefined || child.stdin === null) return;
  // A child that exits before reading all its input closes the pipe: EPIPE is not the error, its exit code is.
  child.stdin.on('error', () => undefined);
  if (typeof input === 'string' || input instanceof Uint8Array) child.stdin.end(input);
  else input.pipe(child.stdin);
}

function collect(child: ChildProcess, options: RunProcessOptions, stop: Stopper) {
  const stdout = createOutputBuffer(maxBytes(options), options.overflow === 'keep-end' ? 'end' : 'head');
  const stderr = createOutputBuffer(stderrTailBytes, 'end');
  listen(child.stdout, stdout, options.onStdout, (kept) => {
    stop.heard();
    if (!kept) stop.kill('overflow');
  });
  listen(child.stderr, stderr, options.onStderr, () => stop.heard());
  return { stdout, stderr };
}

function listen(
  stream: NodeJS.ReadableStream | null,
  buffer: OutputBuffer,
  onChunk: ((chunk: string) => void) | undefined,
  heard: (kept: boolean) => void,
): void {
  if (stream === null) return;
  const decoder = onChunk === undefined ? undefined : new StringDecoder('utf8');
  stream.on('data', (chunk: Buffer) => {
    if (decoder !== undefined) onChunk?.(decoder.write(chunk));
    heard(buffer.push(chunk));
  });
}

interface Stopper {
  kill(reason: KillReason): void;
  heard(): void;
  reason(): KillReason | undefined;
  dispose(): void;
}

/** The timeout, idle and abort watchers; the first to fire kills the child (or its group). */
function createStopper(child: ChildProcess, options: RunProcessOptions): Stopper {
  const timers = options.timers ?? realTimers;
  const group = options.processGroup === true;
  let reason: KillReason | undefined;
  const handles = new Set<unknown>();
  const kill = (why: KillReason) => {
    if (reason !== undefined) return;
    reason = why;
    if (options.killGraceMs === undefined) return sendSignal(child.pid, 'SIGKILL', group);
    sendSignal(child.pid, 'SIGTERM', group);
    handles.add(timers.set(() => sendSignal(child.pid, 'SIGKILL', group), options.killGraceMs, 'kill-grace'));
  };
  if (options.timeoutMs !== undefined) handles.add(timers.set(() => kill('timeout'), options.timeoutMs, 'timeout'));
  let idle: unknown;
  const armIdle = () => {
    if (options.idleMs === undefined) return;
    if (idle !== undefined) timers.clear(idle);
    idle = timers.set(() => kill('idle'), options.idleMs, 'idle');
  };
  armIdle();
  const onAbort = () => kill('abort');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) onAbort();
  return {
    kill,
    heard: () => (reason === undefined ? armIdle() : undefined),
    reason: () => reason,
    dispose() {
      for (const handle of handles) timers.clear(handle);
      if (idle !== undefined) timers.clear(idle);
      options.signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** What the child left running in its group would hold the pipes open: it is ended, and the pipes closed after a cap. */
function drainGroup(child: ChildProcess, timers: Timers): void {
  sendSignal(child.pid, 'SIGTERM', true);
  timers.set(
    () => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
    drainCapMs,
    'drain',
  );
}

function missingError(file: string, options: RunProcessOptions, error: NodeJS.ErrnoException): HarnessError {
  const where = options.cwd === undefined ? '' : ` in ${options.cwd}`;
  return new HarnessError('TOOL_MISSING', `cannot start ${file}${where}: ${error.message}`, {
    ...(options.cwd === undefined ? {} : { place: { file: options.cwd } }),
    fix: options.missingFix,
    cause: error,
  });
}
