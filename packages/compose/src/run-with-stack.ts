// `harness test -- CMD`: the worktree's stack up (started if needed), then CMD with the stack's
// variables in its environment; CMD's exit code is the result.
import { HarnessError } from 'agent-harness-diagnostics';
import { runProcess } from 'agent-harness-system';
import { downWorktree } from './down-worktree.js';
import type { StackUp, UpOptions } from './up-worktree.js';
import { upWorktree } from './up-worktree.js';

export interface RunWithStackOptions extends UpOptions {
  /** The program and its arguments (no shell: `sh -c '…'` for one). */
  command: readonly string[];
  /** Tear the stack down after CMD, whatever its exit code. */
  down?: boolean;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** CMD writes straight to our stdout/stderr (on a terminal it keeps colours and progress bars). */
  inheritOutput?: boolean;
}

export interface RunWithStackResult {
  exitCode: number;
  stack: StackUp;
}

export async function runWithStack(options: RunWithStackOptions): Promise<RunWithStackResult> {
  const [file, ...args] = options.command;
  if (file === undefined) {
    throw new HarnessError('USAGE', 'no command to run', { fix: 'Put it after --, e.g. `harness test -- pnpm test`.' });
  }
  const stack = await upWorktree({ ...options, reuseRunning: true });
  try {
    const result = await runProcess(file, args, {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), ...stack.variables },
      inheritStdin: true,
      inheritOutput: options.inheritOutput === true,
      // CMD's output is handed on as it comes; only its end is kept, however much it prints.
      maxOutputBytes: 64 * 1024,
      overflow: 'keep-end',
      ...(options.onStdout === undefined ? {} : { onStdout: options.onStdout }),
      ...(options.onStderr === undefined ? {} : { onStderr: options.onStderr }),
    });
    if (result.missing) {
      throw new HarnessError('TOOL_MISSING', `${file} is not installed or not on PATH`, {
        fix: 'Check the command after --.',
      });
    }
    return { exitCode: result.code, stack };
  } finally {
    if (options.down === true) await downWorktree(options);
  }
}
