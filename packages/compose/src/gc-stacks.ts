// `harness gc`: removes the containers, networks and volumes of worktrees that are gone, by label
// through the engine CLI (so it needs no compose file and works for v1 stacks too), and releases
// their ports. A worktree is gone when git no longer lists it, or lists it as prunable (deleted
// with `rm -rf` and not yet pruned); a locked one is kept (see liveWorktrees).
import type { EngineCli } from './compose-tool.js';
import type { RemovedResources } from './down-worktree.js';
import { listContainers, removeContainers, removeResources, resourceLabels } from './engine.js';
import { liveWorktrees } from './git-worktree.js';
import { readRegistry, releasePorts } from './port-registry.js';
import type { StackOptions } from './stack-context.js';
import { labelKeys, openStack } from './stack-context.js';

export interface GcOptions extends StackOptions {
  /** List what would be removed, remove nothing. */
  dryRun?: boolean;
}

export interface GcStack extends RemovedResources {
  project: string;
  worktree: string;
  /** Host ports the stack had reserved, released for other worktrees. */
  ports: number[];
}

export interface GcResult {
  dryRun: boolean;
  stacks: GcStack[];
}

export async function gcStacks(options: GcOptions): Promise<GcResult> {
  const context = await openStack(options);
  const alive = await liveWorktrees(context.worktree);
  const repo = { [labelKeys.repo]: context.commonDir };
  const stacks = new Map<string, GcStack>();
  const stackOf = (project: string, worktree: string): GcStack => {
    const found = stacks.get(project) ?? { project, worktree, containers: [], networks: [], volumes: [], ports: [] };
    stacks.set(project, found);
    return found;
  };
  const isGone = (worktree: string | undefined): worktree is string => worktree !== undefined && !alive.has(worktree);
  const containers = (await listContainers(context.engine, repo)).filter((c) => isGone(c.labels[labelKeys.worktree]));
  for (const c of containers)
    stackOf(c.labels[labelKeys.project] ?? '', c.labels[labelKeys.worktree] ?? '').containers.push(c.name);
  for (const kind of ['network', 'volume'] as const) {
    for (const labels of await resourceLabels(context.engine, kind, repo)) {
      if (!isGone(labels[labelKeys.worktree])) continue;
      stackOf(labels[labelKeys.project] ?? '', labels[labelKeys.worktree] ?? '')[
        kind === 'network' ? 'networks' : 'volumes'
      ].push(labels['dev.harness.name'] ?? '');
    }
  }
  // Port reservations outlive `down` (a worktree gets its ports back), so a stack may be nothing but ports.
  for (const [project, entry] of Object.entries((await readRegistry(context.commonDir)).projects)) {
    if (entry.owner === context.commonDir || !isGone(entry.owner)) continue;
    stackOf(project, entry.owner).ports.push(...Object.values(entry.ports).sort((a, b) => a - b));
  }
  const result = [...stacks.values()].sort((a, b) => a.project.localeCompare(b.project));
  if (options.dryRun !== true)
    await removeStacks(
      context.engine,
      context.commonDir,
      containers.map((c) => c.id),
      result,
    );
  return { dryRun: options.dryRun === true, stacks: result };
}

async function removeStacks(
  tool: EngineCli,
  commonDir: string,
  containerIds: string[],
  stacks: readonly GcStack[],
): Promise<void> {
  await removeContainers(tool, containerIds);
  await removeResources(
    tool,
    'network',
    stacks.flatMap((s) => s.networks),
  );
  await removeResources(
    tool,
    'volume',
    stacks.flatMap((s) => s.volumes),
  );
  await releasePorts(
    commonDir,
    stacks.map((s) => s.project),
  );
}
