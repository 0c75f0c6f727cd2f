// git as a child process, the one way this package runs one: stdin written with its 'error'
// handled (git may exit before reading it all: EPIPE), output bounded, no shell, no throw.
import { spawn } from 'node:child_process';

export interface GitResult {
  /** Exit code; -1 when git could not be started (not installed) or its output overflowed. */
  code: number;
  stdout: string;
}

/** Output beyond this is not buffered: the run is treated as failed instead of exhausting memory. */
export const gitOutputLimit = 256 * 1024 * 1024;

export function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > gitOutputLimit) {
        overflow = true;
        child.kill();
        return;
      }
      chunks.push(chunk);
    });
    // A child that exits early closes its stdin: the write fails with EPIPE, which is not ours to throw.
    child.stdin.on('error', () => undefined);
    child.on('error', () => resolve({ code: -1, stdout: '' }));
    child.on('close', (code) =>
      resolve({ code: overflow ? -1 : (code ?? -1), stdout: Buffer.concat(chunks).toString('utf8') }),
    );
    child.stdin.end(input ?? '');
  });
}
