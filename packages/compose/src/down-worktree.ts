// `harness down`: stops and removes the worktree's stack; with `volumes`, its named volumes too.
// Compose does the graceful stop when the generated file is there; a sweep by label then removes
// whatever is left (a v1 stack whose files are gone, containers of an older render).
import { existsSync } from 'node:fs';
import { assertInsideRoot, removeInside, withPidLock } from 'agent-harness-system';
import { runCompose } from './compose-tool.js';
import { stackLock } from './up-worktree.js';
import { listContainers, listResources, removeContainers, removeResources } from './engine.js';
import type { ComposeStackContext as StackContext, StackOptions } from './stack-context.js';
import { labelKeys, openComposeStack } from './stack-context.js';

export interface DownOptions extends StackOptions {
  /** Remove the stack's named volumes too. */
  volumes?: boolean;
  /** Also remove the `compose.shared` services every worktree uses. */
  shared?: boolean;
}

export interface StackDown {
  project: string;
  worktree: string;
  removed: RemovedResources;
}

export interface RemovedResources {
  containers: string[];
  networks: string[];
  volumes: string[];
}

export async function downWorktree(options: DownOptions): Promise<StackDown> {
  const context = await openComposeStack(options, { needFiles: false });
  // Plan first: `.harness/env` is deleted last, so a `.harness` symlinked out of the repository stops down before anything is removed.
  await assertInsideRoot(context.worktree, context.envFile);
  return withPidLock(stackLock(context, 120_000), () => downLocked(context, options));
}

async function downLocked(context: StackContext, options: DownOptions): Promise<StackDown> {
  const removed = await removeProject(context, context.project, context.composeFile, options.volumes === true);
  if (options.shared === true) {
    const sharedRemoved = await removeProject(
      context,
      context.sharedProject,
      context.sharedComposeFile,
      options.volumes === true,
    );
    for (const key of ['containers', 'networks', 'volumes'] as const) removed[key].push(...sharedRemoved[key]);
  }
  await removeInside(context.worktree, context.envFile);
  return { project: context.project, worktree: context.worktree, removed };
}

async function removeProject(
  context: StackContext,
  project: string,
  file: string,
  volumes: boolean,
): Promise<RemovedResources> {
  const byCompose = { 'com.docker.compose.project': project };
  const containers = (await listContainers(context.tool, byCompose)).map((c) => c.name);
  const networksBefore = await listResources(context.tool, 'network', byCompose);
  const volumesBefore = volumes ? await listVolumes(context, project) : [];
  if (existsSync(file)) {
    const call = { project, files: [file], projectDirectory: context.worktree, cwd: context.worktree };
    await runCompose(context.tool, call, ['down', '--remove-orphans', ...(volumes ? ['--volumes'] : [])]);
  }
  await removeContainers(
    context.tool,
    (await listContainers(context.tool, byCompose)).map((c) => c.id),
  );
  await removeResources(context.tool, 'network', await listResources(context.tool, 'network', byCompose));
  if (volumes) await removeResources(context.tool, 'volume', await listVolumes(context, project));
  return { containers, networks: networksBefore, volumes: volumesBefore };
}

/** Named volumes of the project: compose's label, or ours (an explicit `name:` volume). */
async function listVolumes(context: StackContext, project: string): Promise<string[]> {
  const names = new Set([
    ...(await listResources(context.tool, 'volume', { 'com.docker.compose.project': project })),
    ...(await listResources(context.tool, 'volume', { [labelKeys.project]: project })),
  ]);
  return [...names];
}
