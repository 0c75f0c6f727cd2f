// Runs the repository's package manager for `harness init --install`
// (https://nodejs.org/api/child_process.html#child_processspawncommand-args-options).
// Only this module spawns it; output is handed to the caller as it comes, never
// buffered, so its size is not bounded by memory.
import { spawn } from 'node:child_process';
import { HarnessError } from '@harness/diagnostics';

export async function runInstall(root: string, commandLine: string, onOutput: (text: string) => void): Promise<void> {
  const [command, ...args] = commandLine.split(' ');
  if (command === undefined) return;
  await new Promise<void>((resolve, reject) => {
    // No stdin, and git (for git dependencies) never asks on the terminal: an install never waits on a person.
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    child.stdout.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    child.on('error', (cause) =>
      reject(
        new HarnessError('TOOL_MISSING', `${command} is not installed`, {
          fix: `Install ${command}, or run \`${commandLine}\` with the package manager you use.`,
          cause,
        }),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new HarnessError('IO_FAILED', `\`${commandLine}\` exited with ${code ?? 'a signal'}`, {
              fix: `Run \`${commandLine}\` yourself to see why; init's files are written.`,
            }),
          ),
    );
  });
}
