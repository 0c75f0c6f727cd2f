// `harness ps`: every stack of this repository, across its worktrees, found by the labels
// harness puts on every container (so stacks of other worktrees show too).
import type { ContainerState } from './engine.js';
import { listContainers } from './engine.js';
import { liveWorktrees } from './git-worktree.js';
import type { StackOptions } from './stack-context.js';
import { labelKeys, openStack } from './stack-context.js';
import { serviceOf } from './wait-ready.js';

export interface StackListing {
  project: string;
  /** The worktree's path; undefined for the shared project. */
  worktree: string | undefined;
  /** False when the worktree is gone (as `harness gc` judges it): gc reclaims the stack. */
  worktreeExists: boolean;
  shared: boolean;
  /** The stack of the worktree the command ran in. */
  current: boolean;
  /** `running` (every container up), `partial`, `stopped`. */
  status: 'running' | 'partial' | 'stopped';
  services: ServiceListing[];
}

export interface ServiceListing {
  service: string;
  container: string;
  status: string;
  health: string | undefined;
  ports: { containerPort: number; protocol: string; hostPort: number }[];
}

export async function listStacks(options: StackOptions): Promise<StackListing[]> {
  const context = await openStack(options);
  const containers = await listContainers(context.engine, { [labelKeys.repo]: context.commonDir });
  const alive = await liveWorktrees(context.worktree);
  const byProject = new Map<string, ContainerState[]>();
  for (const container of containers) {
    const project = container.labels[labelKeys.project] ?? '';
    byProject.set(project, [...(byProject.get(project) ?? []), container]);
  }
  return [...byProject.entries()]
    .map(([project, list]) => toListing(project, list, context.project, alive))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.project.localeCompare(b.project));
}

function toListing(
  project: string,
  containers: ContainerState[],
  current: string,
  alive: ReadonlySet<string>,
): StackListing {
  const worktree = containers[0]?.labels[labelKeys.worktree];
  const running = containers.filter((c) => c.status === 'running').length;
  const oneShots = containers.filter((c) => c.status === 'exited' && c.exitCode === 0).length;
  return {
    project,
    worktree,
    worktreeExists: worktree === undefined || alive.has(worktree),
    shared: containers[0]?.labels[labelKeys.shared] === 'true',
    current: project === current,
    status: running === 0 ? 'stopped' : running + oneShots === containers.length ? 'running' : 'partial',
    services: containers.map(toService).sort((a, b) => a.service.localeCompare(b.service)),
  };
}

function toService(container: ContainerState): ServiceListing {
  const ports = Object.entries(container.ports).flatMap(([key, hosts]) => {
    const [port = '0', protocol = 'tcp'] = key.split('/');
    return hosts.map((hostPort) => ({ containerPort: Number(port), protocol, hostPort }));
  });
  return {
    service: serviceOf(container),
    container: container.name,
    status: container.status,
    health: container.health,
    ports,
  };
}
