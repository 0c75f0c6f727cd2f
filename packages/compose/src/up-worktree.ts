// `harness up`: the worktree's stack from the user's unmodified compose files, rendered per
// worktree (docs/compose.md), started, waited for, and described in `.harness/env`.
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import type { PidLockOptions } from 'agent-harness-system';
import { assertInsideRoot, ensureStateDir, removeInside, withPidLock, writeFileInside } from 'agent-harness-system';
import { parse, stringify } from 'yaml';
import { lastLine, runCompose } from './compose-tool.js';
import type { ContainerState } from './engine.js';
import { createVolume, listContainers } from './engine.js';
import type { PortBinding } from './env-file.js';
import { renderEnvFile, stackVariables } from './env-file.js';
import { excludeGeneratedFiles } from './local-excludes.js';
import { assignPorts, registryPaths } from './port-registry.js';
import { assertDistinctVariables, portKey, publishedPorts } from './published-ports.js';
import type { RenderedCompose } from './render-compose.js';
import { renderCompose } from './render-compose.js';
import type { ComposeStackContext as StackContext, StackOptions } from './stack-context.js';
import { openComposeStack } from './stack-context.js';
import { startProject } from './start-project.js';

export interface UpOptions extends StackOptions {
  /** How long to wait for the stack to be ready (default 120 s). */
  timeoutSeconds?: number;
  /**
   * Leave a running, ready stack alone when its rendered file is unchanged, without calling compose
   * (`harness test`). `harness up` always runs `compose up -d`, which also picks up rebuilt images.
   */
  reuseRunning?: boolean;
  /** Aborting (Ctrl-C) stops waiting and removes what this up created, then throws INTERRUPTED. */
  signal?: AbortSignal;
}

export interface StackUp {
  project: string;
  worktree: string;
  /** `v2`, `v1` or `podman`, and what the tool said its version is. */
  tool: { kind: string; version: string };
  composeFile: string;
  envFile: string;
  ports: PortBinding[];
  /** HARNESS_PROJECT and HARNESS_PORT_*: what `.harness/env` holds. */
  variables: Record<string, string>;
  services: { service: string; status: string; health: string | undefined; shared: boolean }[];
}

type Doc = Record<string, unknown>;

/** Brings the worktree's stack up and returns its ports and variables. A failed up leaves nothing it created. */
export async function upWorktree(options: UpOptions): Promise<StackUp> {
  const context = await openComposeStack(options, { needFiles: true });
  const timeoutMs = (options.timeoutSeconds ?? 120) * 1000;
  // One up or down of a worktree at a time (an agent's `harness test` beside the factory's up).
  return withPidLock(stackLock(context, timeoutMs), () => upLocked(context, options, timeoutMs));
}

/** The lock one worktree's up and down take. */
function projectLockPath(context: StackContext): string {
  return `${registryPaths(context.commonDir).dir}/${context.project}.lock`;
}

/** The lock one `harness up` or `down` of this worktree holds. */
export function stackLock(context: StackContext, waitMs: number): PidLockOptions {
  return {
    root: context.commonDir,
    path: projectLockPath(context),
    heldBy: `another \`harness up\` or \`down\` of ${context.project} is running`,
    waitMs,
  };
}

async function upLocked(context: StackContext, options: UpOptions, timeoutMs: number): Promise<StackUp> {
  // Plan first: every file up writes must stay inside the worktree, checked before anything starts.
  for (const file of [context.envFile, context.composeFile, context.sharedComposeFile])
    await assertInsideRoot(context.worktree, file);
  const config = await resolvedConfig(context);
  const services = Object.keys(config.services ?? {});
  assertDistinctVariables(
    publishedPorts((config.services ?? {}) as Doc),
    relative(context.worktree, context.files[0] ?? context.worktree) || '.',
  );
  const shared = context.config.shared.filter((name) => services.includes(name));
  const own = services.filter((name) => !shared.includes(name));
  const bindings = await choosePorts(context, config, own, shared);
  const rendered = renderCompose({
    config,
    project: context.project,
    sharedProject: context.sharedProject,
    labels: context.labels,
    sharedLabels: context.sharedLabels,
    hostPorts: new Map(bindings.map((b) => [portKey(b), b.hostPort])),
    shared,
    sharedVolumes: context.config.sharedVolumes,
    baseDir: dirname(context.files[0] ?? context.worktree),
  });
  await excludeGeneratedFiles(context.commonDir);
  await ensureStateDir(context.outputDir);
  const states = await startStacks(context, rendered, expectedServices(config, own), options, timeoutMs);
  const variables = stackVariables(context.project, bindings);
  await writeFileInside(context.worktree, context.envFile, renderEnvFile(variables));
  return {
    project: context.project,
    worktree: context.worktree,
    tool: { kind: context.tool.kind, version: context.tool.version },
    composeFile: context.composeFile,
    envFile: context.envFile,
    ports: bindings,
    variables,
    services: [...describe(states.shared, true), ...describe(states.own, false)],
  };
}

/** The shared services, then the worktree's own; a failure removes `.harness/env`, whose ports are then dead. */
async function startStacks(
  context: StackContext,
  rendered: RenderedCompose,
  expected: string[],
  options: UpOptions,
  timeoutMs: number,
): Promise<{ shared: ContainerState[]; own: ContainerState[] }> {
  const unchanged =
    (await writeIfChanged(context.worktree, context.composeFile, stringify(rendered.worktree))) &&
    options.reuseRunning === true;
  try {
    const shared = await upShared(context, rendered, timeoutMs, options.signal);
    const own = await startProject(context, {
      project: context.project,
      file: context.composeFile,
      expected,
      timeoutMs,
      unchanged,
      signal: options.signal,
    });
    return { shared, own };
  } catch (error) {
    // startProject removed what it started; the error that stopped `up` is the one to report.
    await removeInside(context.worktree, context.envFile).catch(() => undefined);
    throw error;
  }
}

/** `<compose> config`: the user's files merged, interpolated and normalized by compose itself. */
async function resolvedConfig(context: StackContext): Promise<Doc> {
  const result = await runCompose(
    context.tool,
    { project: context.project, files: context.files, cwd: context.worktree },
    ['config'],
  );
  const first = relative(context.worktree, context.files[0] ?? context.worktree) || '.';
  if (result.code !== 0) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${context.tool.command.join(' ')} rejected the compose file: ${result.stderr.trim() || lastLine(result)}`,
      {
        place: { file: first },
        fix: `Fix the compose file; \`${context.tool.command.join(' ')} config\` in the worktree shows the same message.`,
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = parse(result.stdout) as unknown;
  } catch (cause) {
    throw new HarnessError(
      'COMPOSE_FAILED',
      `${context.tool.command.join(' ')} config printed YAML harness cannot read: ${(cause as Error).message}`,
      {
        place: { file: first },
        fix: 'Run the same `config` yourself to see what it prints, and report it to harness.',
        cause,
      },
    );
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new HarnessError('CONFIG_INVALID', 'the compose file defines nothing', {
      place: { file: first },
      fix: 'Add `services:` to it.',
    });
  }
  return parsed as Doc;
}

async function choosePorts(
  context: StackContext,
  config: Doc,
  own: string[],
  shared: string[],
): Promise<PortBinding[]> {
  const services = (config.services ?? {}) as Doc;
  const result: PortBinding[] = [];
  const groups = [
    { project: context.project, owner: context.worktree, names: own, shared: false },
    { project: context.sharedProject, owner: context.commonDir, names: shared, shared: true },
  ];
  for (const group of groups) {
    const ports = publishedPorts(services, group.names);
    if (ports.length === 0) continue;
    const held = new Set(
      (await listContainers(context.tool, { 'com.docker.compose.project': group.project })).flatMap((c) =>
        Object.values(c.ports).flat(),
      ),
    );
    const chosen = await assignPorts({
      commonDir: context.commonDir,
      project: group.project,
      owner: group.owner,
      keys: ports.map(portKey),
      held,
    });
    for (const port of ports) result.push({ ...port, hostPort: chosen.get(portKey(port)) ?? 0, shared: group.shared });
  }
  return result;
}

/** The shared services, once for all worktrees, under a lock so two worktrees do not race to create them. */
async function upShared(
  context: StackContext,
  rendered: RenderedCompose,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ContainerState[]> {
  for (const volume of rendered.sharedVolumeNames) await createVolume(context.tool, volume, context.sharedLabels);
  if (rendered.shared === undefined) return [];
  const document = rendered.shared;
  const lock = `${registryPaths(context.commonDir).dir}/shared.lock`;
  return withPidLock(
    {
      root: context.commonDir,
      path: lock,
      heldBy: 'another harness process is starting the shared services',
      waitMs: timeoutMs,
    },
    async () => {
      // Shared services serve other worktrees too: while ready and unchanged they are left alone, also by `harness up`.
      const unchanged = await writeIfChanged(context.worktree, context.sharedComposeFile, stringify(document));
      const expected = expectedServices(document, Object.keys(document.services ?? {}));
      return startProject(context, {
        project: context.sharedProject,
        file: context.sharedComposeFile,
        expected,
        timeoutMs,
        unchanged,
        signal,
      });
    },
  );
}

/** Services that get a container without `--profile` (compose starts no profiled service by default). */
function expectedServices(config: Doc, names: readonly string[]): string[] {
  const services = (config.services ?? {}) as Record<string, Doc | undefined>;
  return names.filter((name) => services[name]?.profiles === undefined);
}

/** Writes the file; true when it already held exactly this text. */
async function writeIfChanged(root: string, path: string, text: string): Promise<boolean> {
  await assertInsideRoot(root, path);
  const previous = await readFile(path, 'utf8').catch(() => undefined);
  if (previous === text) return true;
  await writeFileInside(root, path, text);
  return false;
}

function describe(states: readonly ContainerState[], shared: boolean): StackUp['services'] {
  return states.map((c) => ({
    service: c.labels['com.docker.compose.service'] ?? c.name,
    status: c.status,
    health: c.health,
    shared,
  }));
}
