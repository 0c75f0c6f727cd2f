// The child-process adapter: runs one budget command through the shell, in its
// own process group, and measures it.
// Spec: https://nodejs.org/api/child_process.html#child_processspawncommand-args-options
// (detached: the child leads a new process group, so the whole tree — turbo and
// the tasks it starts — can be signalled at once) and proc(5) for /proc/self/stat.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { HarnessError } from '@harness/diagnostics';

export interface RunCommandInput {
  command: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Every output line (stdout and stderr, ANSI codes removed), as it arrives. */
  onLine?: (line: string) => void;
  /** Raw output, for `--verbose`. */
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
  /** How many trailing output lines to keep for a failure message. */
  tailLines?: number;
}

export interface CommandResult {
  /** The shell's exit code; 128 + signal number when a signal ended it. */
  exitCode: number;
  /** Wall time from spawn to exit. */
  durationMs: number;
  /** CPU time of the reaped process tree (Linux only). */
  cpuMs: number | undefined;
  /** The last output lines, ANSI codes removed. */
  tail: string[];
  aborted: boolean;
}

export type RunCommand = (input: RunCommandInput) => Promise<CommandResult>;

const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
const isWindows = process.platform === 'win32';
const killGraceMs = 5000;
const drainCapMs = 2000;

export const runCommand: RunCommand = (input) =>
  new Promise((resolve, reject) => {
    const tail = createTail(input.tailLines ?? 30, input.onLine);
    const cpuBefore = childCpuMs();
    const started = performance.now();
    const child = spawn(input.command, {
      cwd: input.cwd,
      env: input.env,
      shell: true,
      detached: !isWindows,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const abort = watchAbort(child, input.signal);
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        input.onOutput?.(chunk);
        tail.push(chunk);
      });
    }
    let exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
    child.once('error', (error) => {
      abort.dispose();
      reject(startError(error, input));
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal, at: performance.now() };
      // Whatever the command left running in its group would hold the pipes open.
      signalGroup(child.pid, 'SIGTERM');
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, drainCapMs).unref();
    });
    child.once('close', () => {
      abort.dispose();
      const done = exit ?? { code: child.exitCode, signal: child.signalCode, at: performance.now() };
      const cpuAfter = childCpuMs();
      resolve({
        exitCode: done.code ?? 128 + (signalNumbers[done.signal ?? ''] ?? 0),
        durationMs: done.at - started,
        cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        tail: tail.end(),
        aborted: abort.aborted(),
      });
    });
  });

/** On abort: SIGTERM to the command's whole process group, SIGKILL if it is still there after a grace period. */
function watchAbort(child: ChildProcess, signal: AbortSignal | undefined) {
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    signalGroup(child.pid, 'SIGTERM');
    setTimeout(() => signalGroup(child.pid, 'SIGKILL'), killGraceMs).unref();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted === true) onAbort();
  return { aborted: () => aborted, dispose: () => signal?.removeEventListener('abort', onAbort) };
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(isWindows ? pid : -pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** utime + stime of reaped children, from /proc/self/stat (fields 16 and 17, in clock ticks of 1/100 s). */
function childCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cutime = Number(fields[13]);
    const cstime = Number(fields[14]);
    return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** A spawn failure (ENOENT: no shell, or the folder is gone) is the user's to fix, not a crash. */
function startError(error: NodeJS.ErrnoException, input: RunCommandInput): Error {
  if (error.code !== 'ENOENT') return error;
  return new HarnessError('TOOL_MISSING', `cannot start \`${input.command}\` in ${input.cwd}: ${error.message}`, {
    place: { file: input.cwd },
    fix: 'Check that the folder exists and that a POSIX shell is installed at /bin/sh.',
    cause: error,
  });
}

const maxLineLength = 400;
/** A line without an end (a progress bar, a binary dump) is cut here, so memory stays bounded. */
const maxPartialLength = 64 * 1024;

/** Splits output into lines, hands each to `onLine`, and keeps the last `size`. */
function createTail(size: number, onLine: ((line: string) => void) | undefined) {
  const lines: string[] = [];
  let partial = '';
  const keep = (raw: string) => {
    const line = stripVTControlCharacters(raw.length > maxPartialLength ? raw.slice(0, maxPartialLength) : raw).replace(
      /\r$/,
      '',
    );
    onLine?.(line);
    lines.push(line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line);
    if (lines.length > size) lines.shift();
  };
  return {
    push(chunk: string) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      if (partial.length > maxPartialLength) partial = partial.slice(0, maxPartialLength + 1);
      for (const part of parts) keep(part);
    },
    end(): string[] {
      if (partial !== '') keep(partial);
      partial = '';
      while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
      return [...lines];
    },
  };
}
