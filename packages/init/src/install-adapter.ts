// Runs the repository's package manager for `harness init --install`, through the shared runner of
// agent-harness-system (docs/system.md): no stdin, no prompts, output handed on as it comes and only a
// small tail kept, so its size is not bounded by memory.
import { HarnessError } from 'agent-harness-diagnostics';
import { runProcess } from 'agent-harness-system';

export async function runInstall(root: string, commandLine: string, onOutput: (text: string) => void): Promise<void> {
  const [command, ...args] = commandLine.split(' ');
  if (command === undefined) return;
  const result = await runProcess(command, args, {
    cwd: root,
    shell: process.platform === 'win32',
    onStdout: onOutput,
    onStderr: onOutput,
    maxOutputBytes: 64 * 1024,
    overflow: 'keep-end',
    missingFix: `Install ${command}, or run \`${commandLine}\` with the package manager you use.`,
  }).catch((cause: unknown) => {
    throw new HarnessError('TOOL_MISSING', `${command} is not installed`, {
      fix: `Install ${command}, or run \`${commandLine}\` with the package manager you use.`,
      cause,
    });
  });
  if (result.code !== 0) {
    throw new HarnessError('IO_FAILED', `\`${commandLine}\` exited with ${result.signal ?? result.code}`, {
      fix: `Run \`${commandLine}\` yourself to see why; init's files are written.`,
    });
  }
}
