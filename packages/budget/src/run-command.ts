// Runs one budget command through the shell, in its own process group, and measures it, with the
// shared runner of agent-harness-system (docs/system.md): on abort the whole group gets SIGTERM, then
// SIGKILL after a grace; what the command leaves running is ended when it exits.
// Spec: proc(5) for /proc/self/stat (the CPU time of reaped children).
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import type { Env } from 'agent-harness-system';
import { runProcess } from 'agent-harness-system';

export interface RunCommandInput {
  command: string;
  cwd: string;
  env: Env;
  /** Every output line (stdout and stderr, ANSI codes removed), as it arrives. */
  onLine?: (line: string) => void;
  /** Raw output, for `--verbose`. */
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
  /** How many trailing output lines to keep for a failure message. */
  tailLines?: number;
  /** A monotonic clock in milliseconds for the wall time (default `performance.now`); tests pass their own. */
  clock?: () => number;
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

const killGraceMs = 5000;

export const runCommand: RunCommand = async (input) => {
  const tail = createTail(input.tailLines ?? 30, input.onLine);
  const onChunk = (chunk: string) => {
    input.onOutput?.(chunk);
    tail.push(chunk);
  };
  const cpuBefore = childCpuMs();
  const result = await runProcess(input.command, [], {
    cwd: input.cwd,
    env: input.env,
    shell: true,
    processGroup: true,
    signal: input.signal,
    killGraceMs,
    clock: input.clock,
    onStdout: onChunk,
    onStderr: onChunk,
    // The lines are read as they come; what is kept of stdout itself is only a small end.
    maxOutputBytes: 64 * 1024,
    overflow: 'keep-end',
    missingFix: 'Check that the folder exists and that a POSIX shell is installed at /bin/sh.',
  });
  const cpuAfter = childCpuMs();
  return {
    exitCode: result.code,
    durationMs: result.durationMs,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    tail: tail.end(),
    aborted: result.killed === 'abort',
  };
};

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
