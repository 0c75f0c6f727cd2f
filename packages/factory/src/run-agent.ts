// The child-process adapter for the agent command (docs/factory.md "The agent protocol"):
// `sh -c <factory.agent>` in the worktree, the prompt on stdin, stdout and stderr
// streamed to the turn's log. It runs in its own process group so a timeout or a
// stall (no output for `stallMs`) kills the agent and everything it started.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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
}

export interface AgentRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  /** Why the loop killed it, when it did. */
  killed?: 'timeout' | 'stall';
  durationMs: number;
}

export function runAgent(options: RunAgentOptions): Promise<AgentRun> {
  const started = Date.now();
  if (options.logFile !== undefined) mkdirSync(dirname(options.logFile), { recursive: true });
  const log = options.logFile === undefined ? undefined : createWriteStream(options.logFile, { flags: 'a' });
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', options.command], { cwd: options.cwd, env: { ...options.env }, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let killed: AgentRun['killed'];
    const kill = (why: 'timeout' | 'stall') => {
      killed ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    let stall = setTimeout(() => kill('stall'), options.stallMs);
    const timeout = setTimeout(() => kill('timeout'), options.timeoutMs);
    const heard = () => {
      clearTimeout(stall);
      stall = setTimeout(() => kill('stall'), options.stallMs);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      log?.write(chunk);
      heard();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      heard();
    });
    child.on('error', (error) => {
      clearTimeout(stall);
      clearTimeout(timeout);
      log?.end();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(stall);
      clearTimeout(timeout);
      const run: AgentRun = { exitCode: code, signal, stdout, durationMs: Date.now() - started, ...(killed === undefined ? {} : { killed }) };
      if (log === undefined) resolve(run);
      else log.end(() => resolve(run));
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    // An agent that never reads stdin must not fail the turn with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.prompt);
  });
}
