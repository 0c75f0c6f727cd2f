// Readiness, judged from `inspect` alone so it behaves the same on Compose v2, v1 and podman:
// every container running (and healthy where it has a healthcheck), one-shot containers exited 0;
// an unhealthy, crashed or crash-looping one fails at once with its last log lines.
import { HarnessError } from 'agent-harness-diagnostics';
import type { EngineCli } from './compose-tool.js';
import type { ContainerState } from './engine.js';
import { containerLogs, listContainers } from './engine.js';

export type Readiness =
  | { state: 'ready' }
  | { state: 'waiting'; on: string[] }
  | { state: 'failed'; container: ContainerState; reason: string };

const serviceLabel = 'com.docker.compose.service';

export function serviceOf(container: ContainerState): string {
  return container.labels[serviceLabel] ?? container.name;
}

/** Where a set of containers stands; `expected` services must each have a container. */
export function judgeReadiness(containers: readonly ContainerState[], expected: readonly string[]): Readiness {
  const waiting: string[] = [];
  for (const container of containers) {
    const service = serviceOf(container);
    if (container.health === 'unhealthy') {
      const said = container.healthOutput?.split('\n').slice(0, 3).join(' / ');
      const output = said === undefined ? '' : ` (healthcheck said: ${said})`;
      return { state: 'failed', container, reason: `${service} is unhealthy${output}` };
    }
    if ((container.status === 'exited' || container.status === 'dead') && container.exitCode !== 0) {
      return { state: 'failed', container, reason: `${service} exited with code ${container.exitCode}` };
    }
    if (container.status === 'restarting' && container.restartCount >= 2) {
      return {
        state: 'failed',
        container,
        reason: `${service} keeps restarting (exit code ${container.exitCode}, ${container.restartCount} restarts)`,
      };
    }
    const done =
      container.status === 'exited' ||
      (container.status === 'running' && (container.health === undefined || container.health === 'healthy'));
    if (!done) waiting.push(`${service} (${container.health ?? container.status})`);
  }
  const present = new Set(containers.map(serviceOf));
  for (const service of expected) if (!present.has(service)) waiting.push(`${service} (no container)`);
  return waiting.length === 0 ? { state: 'ready' } : { state: 'waiting', on: waiting };
}

export interface WaitInput {
  tool: EngineCli;
  project: string;
  expected: readonly string[];
  timeoutMs: number;
  intervalMs?: number;
  /** Stops waiting: throws INTERRUPTED. */
  signal?: AbortSignal;
  /** The fix for a failed service. The failed container is removed after a failed up, so it names commands that still work. */
  fix?: (service: string) => string;
}

/** Polls until ready; throws COMPOSE_FAILED with the failing service's last log lines. */
export async function waitReady(input: WaitInput): Promise<ContainerState[]> {
  const deadline = Date.now() + input.timeoutMs;
  for (;;) {
    if (input.signal?.aborted === true) {
      throw new HarnessError(
        'INTERRUPTED',
        `interrupted while waiting for ${input.project}; what this up created was removed`,
        {
          fix: 'Run `harness up` again when you want the stack.',
        },
      );
    }
    const containers = await listContainers(input.tool, { 'com.docker.compose.project': input.project });
    const readiness = judgeReadiness(containers, input.expected);
    if (readiness.state === 'ready') return containers;
    if (readiness.state === 'failed') {
      const logs = await containerLogs(input.tool, readiness.container.id, 20);
      throw new HarnessError(
        'COMPOSE_FAILED',
        `${readiness.reason}${renderLogs(serviceOf(readiness.container), logs)}`,
        {
          fix:
            input.fix?.(serviceOf(readiness.container)) ??
            `Fix ${serviceOf(readiness.container)} (its last log lines are above), then run \`harness up\` again.`,
        },
      );
    }
    if (Date.now() > deadline) {
      throw new HarnessError(
        'COMPOSE_FAILED',
        `the stack was not ready after ${Math.round(input.timeoutMs / 1000)} s; still waiting on ${readiness.on.join(', ')}`,
        {
          fix: 'Give it longer with `harness up --timeout <seconds>`, or check the services’ healthchecks.',
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, input.intervalMs ?? 250));
  }
}

function renderLogs(service: string, logs: readonly string[]): string {
  if (logs.length === 0) return ` (${service} logged nothing)`;
  return `; last log lines of ${service}:\n${logs.map((line) => `    ${line}`).join('\n')}`;
}
