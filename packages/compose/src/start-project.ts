// Starting one compose project (a worktree's own services or the shared ones) and waiting until it is
// ready; a failed or interrupted start removes what it created.
import { HarnessError } from 'agent-harness-diagnostics';
import { composeCommandLine, runCompose } from './compose-tool.js';
import type { ContainerState } from './engine.js';
import { listContainers, listResources, removeContainers, removeResources } from './engine.js';
import type { ComposeStackContext as StackContext } from './stack-context.js';
import { judgeReadiness, waitReady } from './wait-ready.js';

export interface StartInput {
  project: string;
  file: string;
  expected: string[];
  timeoutMs: number;
  /** The rendered file is what the running stack was started from. */
  unchanged: boolean;
  signal: AbortSignal | undefined;
}

export async function startProject(
  context: StackContext,
  { project, file, expected, timeoutMs, unchanged, signal }: StartInput,
): Promise<ContainerState[]> {
  if (unchanged) {
    // Nothing to change and everything ready: `harness test` on a running stack skips compose.
    const running = await listContainers(context.tool, { 'com.docker.compose.project': project });
    if (running.length > 0 && judgeReadiness(running, expected).state === 'ready') return running;
  }
  const call = { project, files: [file], projectDirectory: context.worktree, cwd: context.worktree };
  const volumesBefore = new Set(await listResources(context.tool, 'volume', { 'com.docker.compose.project': project }));
  try {
    const result = await runCompose(context.tool, call, ['up', '-d', '--remove-orphans']);
    throwIfAborted(signal, project);
    if (result.code !== 0) {
      throw new HarnessError(
        'COMPOSE_FAILED',
        `${context.tool.command.join(' ')} up failed for ${project}: ${result.stderr.trim().split('\n').slice(-8).join('\n')}`,
        {
          fix: 'Fix what compose reports above, then run `harness up` again.',
        },
      );
    }
    const fix = (service: string) =>
      `Fix ${service} (its last log lines are above; its container was removed), then run \`harness up\` again. ` +
      `To watch it start in the foreground: \`${composeCommandLine(context.tool, call, ['up', service])}\`.`;
    return await waitReady({
      tool: context.tool,
      project,
      expected,
      timeoutMs,
      fix,
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    // Best effort: the error that stopped `up` is the one to report.
    await removeHalfCreated(context, project, volumesBefore).catch(() => undefined);
    throw error;
  }
}

/**
 * After a failed up: containers and networks of the project, and the volumes this up created, by label
 * through the engine (a half-created stack needs no graceful stop, and this is a second faster than v1's down).
 */
async function removeHalfCreated(
  context: StackContext,
  project: string,
  volumesBefore: ReadonlySet<string>,
): Promise<void> {
  const filter = { 'com.docker.compose.project': project };
  await removeContainers(
    context.tool,
    (await listContainers(context.tool, filter)).map((c) => c.id),
  );
  await removeResources(context.tool, 'network', await listResources(context.tool, 'network', filter));
  const created = (await listResources(context.tool, 'volume', filter)).filter((name) => !volumesBefore.has(name));
  await removeResources(context.tool, 'volume', created);
}

function throwIfAborted(signal: AbortSignal | undefined, project: string): void {
  if (signal?.aborted === true) {
    throw new HarnessError(
      'INTERRUPTED',
      `interrupted: ${project} was not started, and what this up created was removed`,
      {
        fix: 'Run `harness up` again when you want the stack.',
      },
    );
  }
}
