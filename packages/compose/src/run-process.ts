// The child-process adapter: every docker, compose and git call goes through here.
// Spec: https://nodejs.org/api/child_process.html#child_processspawncommand-args-options
import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** The exit code; 127 when the program is not installed, 128 + n when signal n ended it. */
  code: number;
  stdout: string;
  stderr: string;
  /** The program could not be started at all (ENOENT). */
  missing: boolean;
  /** Its output passed the limit: it was stopped, and `code` is not 0. */
  overflowed?: boolean;
}

export interface RunProcessOptions {
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Raw output as it arrives (for `harness test`, which passes CMD's output on); then only a tail is kept. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Give the child our stdin (an interactive CMD); otherwise it reads nothing. */
  inheritStdin?: boolean;
  /** Give the child our stdout and stderr too (a terminal keeps its colours); nothing is collected. */
  inheritOutput?: boolean;
  /** Characters of stdout kept before the child is stopped (default 64 Mi: `docker inspect` of many containers). */
  maxOutput?: number;
}

const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
/** What is kept of stderr, and of streamed stdout: error messages are read from their last lines. */
const tailSize = 64 * 1024;

/** Runs `file args…` without a shell and collects its output, bounded. Never rejects. */
export function runProcess(
  file: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const maxOutput = options.maxOutput ?? 64 * 1024 * 1024;
  return new Promise<ProcessResult>((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [
        options.inheritStdin === true ? 'inherit' : 'ignore',
        options.inheritOutput === true ? 'inherit' : 'pipe',
        options.inheritOutput === true ? 'inherit' : 'pipe',
      ],
    });
    let stdout = '';
    let stderr = '';
    let overflowed = false;
    // No stdin pipe is opened today; should one be, a child that exits early must not kill us with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      options.onStdout?.(chunk);
      if (options.onStdout !== undefined) {
        stdout = keepTail(stdout + chunk);
        return;
      }
      if (stdout.length + chunk.length > maxOutput) {
        if (!overflowed) child.kill('SIGKILL');
        overflowed = true;
        return;
      }
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = keepTail(stderr + chunk);
      options.onStderr?.(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ code: 127, stdout, stderr: stderr || error.message, missing: error.code === 'ENOENT' });
    });
    child.on('close', (code, signal) => {
      if (overflowed) {
        resolve({
          code: 1,
          stdout: '',
          stderr: `${file} printed more than ${maxOutput} characters; it was stopped`,
          missing: false,
          overflowed,
        });
        return;
      }
      const exit = code ?? 128 + (signal === null ? 0 : (signalNumbers[signal] ?? 0));
      resolve({ code: exit, stdout, stderr, missing: false });
    });
  });
}

function keepTail(text: string): string {
  return text.length > 2 * tailSize ? text.slice(-tailSize) : text;
}
