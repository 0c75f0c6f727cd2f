// The agent command (docs/factory.md "The agent protocol"): `sh -c <factory.agent>` in the worktree,
// the prompt on stdin, stdout and stderr streamed to the turn's log, run by the shared runner of
// agent-harness-system in its own process group, so a timeout or a stall (no output for `stallMs`)
// kills the agent and everything it started.
import type { WriteStream } from 'node:fs';
import { HarnessError } from 'agent-harness-diagnostics';
import type { Env, ProcessResult, Timers } from 'agent-harness-system';
import { openAppendStreamInside, runProcess } from 'agent-harness-system';
import { protocolDriver } from './agent-protocol.js';
import type { AgentProtocol, AgentUsage, ProtocolDriver } from './agent-protocol.js';

export interface RunAgentOptions {
  command: string;
  cwd: string;
  prompt: string;
  env: Env;
  timeoutMs: number;
  stallMs: number;
  /** Where stdout and stderr go, as they come. */
  logFile?: string;
  /** The folder the log must stay inside, no symlink leading out (default `cwd`): the repository root. */
  logRoot?: string;
  /** Told the pid as soon as the agent starts, so state can record it before the turn ends. */
  onStart?: (pid: number) => void;
  /** The runner's timers; tests pass their own to fire a stall or a timeout on cue. */
  timers?: Timers;
  /** How the agent is spoken to (agent-protocol.ts); a plain command by default. */
  protocol?: AgentProtocol | undefined;
  /** The thread or session of the previous turn, continued by a protocol that has one. */
  session?: string | undefined;
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
  /** With a protocol: the thread or session to continue next turn, the turn's usage, why the conversation broke. */
  session?: string;
  usage?: AgentUsage;
  protocolError?: string;
}

/**
 * The variables a GitHub token travels in (the loop's own GITHUB_TOKEN, the GitHub CLI's, a PAT),
 * taken out of every agent's environment: the agent merges through the loop's socket
 * (merge-socket.ts), so a prompt-injected agent holds no token to merge, push or comment with.
 */
export const tokenVariables = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_PAT',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
] as const;

/** The agent's environment: the loop's, without any GitHub token. */
export function agentEnv(env: Env): Env {
  const kept: Record<string, string | undefined> = { ...env };
  for (const name of tokenVariables) delete kept[name];
  return kept;
}

/** A transcript can run to gigabytes; the outcome line is at its end. */
export const maxStdoutChars = 1024 * 1024;

export async function runAgent(options: RunAgentOptions): Promise<AgentRun> {
  const started = Date.now();
  const log = openLog(options.logRoot ?? options.cwd, options.logFile);
  const abort = new AbortController();
  let logError: Error | undefined;
  // A log that cannot be written (a full disk, a folder in its place) ends the turn with IO_FAILED, not a crash.
  log?.on('error', (error) => {
    logError ??= error;
    abort.abort();
  });
  const driver = protocolDriver(options.protocol ?? 'command', options);
  const write = (chunk: string) => void log?.write(chunk);
  let result: ProcessResult;
  try {
    result = await runProcess(driver?.command ?? options.command, [], {
      cwd: options.cwd,
      env: agentEnv(options.env),
      shell: true,
      input: driver?.input ?? options.prompt,
      processGroup: true,
      timeoutMs: options.timeoutMs,
      idleMs: options.stallMs,
      signal: abort.signal,
      timers: options.timers,
      onStdout: (chunk) => {
        write(chunk);
        driver?.onStdout(chunk);
      },
      onStderr: write,
      onStart: options.onStart,
      maxOutputBytes: maxStdoutChars,
      overflow: 'keep-end',
      missingFix: 'Check that the worktree exists and that a POSIX shell is installed at /bin/sh.',
    });
  } catch (error) {
    log?.end();
    throw error;
  }
  if (logError !== undefined) throw logFailed(options.logFile ?? '', logError);
  if (log !== undefined) await new Promise<void>((resolve) => log.end(resolve));
  return spoken(agentRun(result, started), driver);
}

/** A protocol's reading of the turn: stdout becomes the agent's final message, whose last line is the outcome. */
function spoken(run: AgentRun, driver: ProtocolDriver | undefined): AgentRun {
  if (driver === undefined) return run;
  const read = driver.finish();
  return {
    ...run,
    stdout: read.text ?? '',
    ...(read.session === undefined ? {} : { session: read.session }),
    ...(read.usage === undefined ? {} : { usage: read.usage }),
    ...(read.error === undefined ? {} : { protocolError: read.error }),
  };
}

function agentRun(result: ProcessResult, started: number): AgentRun {
  const killed = result.killed === 'idle' || result.killed === 'abort' ? 'stall' : result.killed;
  return {
    exitCode: result.signal === null ? result.code : null,
    signal: result.signal,
    stdout: result.stdout,
    durationMs: Date.now() - started,
    ...(result.droppedBytes > 0 ? { stdoutDropped: result.droppedBytes } : {}),
    ...(killed === 'timeout' || killed === 'stall' ? { killed } : {}),
  };
}

function logFailed(file: string, cause: Error): HarnessError {
  return new HarnessError('IO_FAILED', `cannot write the agent's log ${file}: ${cause.message}`, {
    place: { file },
    fix: 'Check that the folder is writable and the disk is not full.',
    cause,
  });
}

/** A log that is a symlink (out of the repository, say) is refused, never appended through. */
function openLog(root: string, file: string | undefined): WriteStream | undefined {
  return file === undefined ? undefined : openAppendStreamInside(root, file);
}
