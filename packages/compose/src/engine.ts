// The engine adapter: containers, networks and volumes by label through the docker (or podman)
// CLI itself, so waiting, `ps` and `gc` work the same whichever compose tool made them, and
// without the compose files. Spec: https://docs.docker.com/reference/cli/docker/container/ls/#filter,
// https://docs.docker.com/reference/cli/docker/inspect/ (the JSON is the Engine API's ContainerInspect).
import { HarnessError } from 'agent-harness-diagnostics';
import { runProcess } from 'agent-harness-system';
import type { EngineCli } from './compose-tool.js';
import { lastLine } from './compose-tool.js';

export interface ContainerState {
  id: string;
  name: string;
  labels: Record<string, string>;
  status: string;
  exitCode: number;
  restartCount: number;
  /** `starting`, `healthy`, `unhealthy`; undefined without a healthcheck. */
  health: string | undefined;
  /** What the last healthcheck printed. */
  healthOutput: string | undefined;
  /** Published host ports: `8080/tcp` → [host port…]. */
  ports: Record<string, number[]>;
}

interface HealthJson {
  Status?: string;
  Log?: { Output?: string }[] | null;
}

interface InspectJson {
  Id: string;
  Name: string;
  RestartCount?: number;
  Config?: { Labels?: Record<string, string> | null };
  State?: { Status?: string; ExitCode?: number; Health?: HealthJson | null; Healthcheck?: HealthJson | null };
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null };
}

async function engine(tool: EngineCli, args: string[]): Promise<string> {
  const result = await runProcess(tool.engine, args);
  if (result.code !== 0) {
    throw new HarnessError('COMPOSE_FAILED', `${tool.engine} ${args.join(' ')} failed: ${lastLine(result)}`, {
      fix: `Check that the ${tool.engine} daemon is running (\`${tool.engine} info\`).`,
    });
  }
  return result.stdout;
}

function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).flatMap(([k, v]) => ['--filter', `label=${k}=${v}`]);
}

export async function listContainers(tool: EngineCli, labels: Record<string, string>): Promise<ContainerState[]> {
  const ids = (await engine(tool, ['ps', '-aq', ...labelFilters(labels)])).split('\n').filter(Boolean);
  if (ids.length === 0) return [];
  const result = await runProcess(tool.engine, ['inspect', ...ids]);
  // A container removed between ps and inspect is simply gone: inspect prints the others.
  return parseJson<InspectJson[]>(tool, 'inspect', result.stdout.trim() === '' ? '[]' : result.stdout).map(toState);
}

/** The engine's JSON; anything else (a daemon that died mid-answer) is COMPOSE_FAILED, not a crash. */
function parseJson<T>(tool: EngineCli, what: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HarnessError(
      'COMPOSE_FAILED',
      `${tool.engine} ${what} printed something that is not JSON: ${text.slice(0, 200)}`,
      {
        fix: `Check that the ${tool.engine} daemon is running (\`${tool.engine} info\`), then run the command again.`,
      },
    );
  }
}

function toState(json: InspectJson): ContainerState {
  return {
    id: json.Id,
    name: json.Name.replace(/^\//, ''),
    labels: json.Config?.Labels ?? {},
    status: json.State?.Status ?? 'unknown',
    exitCode: json.State?.ExitCode ?? 0,
    restartCount: json.RestartCount ?? 0,
    ...healthOf(json.State),
    ports: publishedPorts(json.NetworkSettings),
  };
}

/** Health status and last probe output; Podman before 4.3 calls the field Healthcheck. */
function healthOf(state: InspectJson['State']): Pick<ContainerState, 'health' | 'healthOutput'> {
  const health = state?.Health ?? state?.Healthcheck;
  return {
    health: health?.Status || undefined,
    healthOutput: health?.Log?.at(-1)?.Output?.trim() || undefined,
  };
}

/** Host ports per container port (`5432/tcp`), without duplicates or unbound ones. */
function publishedPorts(network: InspectJson['NetworkSettings']): Record<string, number[]> {
  const ports: Record<string, number[]> = {};
  for (const [key, bindings] of Object.entries(network?.Ports ?? {})) {
    const hosts = (bindings ?? []).map((b) => Number(b.HostPort)).filter((p) => Number.isInteger(p) && p > 0);
    if (hosts.length > 0) ports[key] = [...new Set(hosts)];
  }
  return ports;
}

export async function containerLogs(tool: EngineCli, id: string, lines: number): Promise<string[]> {
  const result = await runProcess(tool.engine, ['logs', '--tail', String(lines), id]);
  return `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-lines);
}

export async function listResources(
  tool: EngineCli,
  kind: 'network' | 'volume',
  labels: Record<string, string>,
): Promise<string[]> {
  return (await engine(tool, [kind, 'ls', '--format', '{{.Name}}', ...labelFilters(labels)]))
    .split('\n')
    .filter(Boolean);
}

/** Label values of a kind of resource carrying `filter` labels, e.g. every dev.harness.project of a repo. */
export async function resourceLabels(
  tool: EngineCli,
  kind: 'network' | 'volume',
  labels: Record<string, string>,
): Promise<Record<string, string>[]> {
  const names = await listResources(tool, kind, labels);
  if (names.length === 0) return [];
  const parsed = parseJson<{ Name: string; Labels?: Record<string, string> | null }[]>(
    tool,
    `${kind} inspect`,
    await engine(tool, [kind, 'inspect', ...names]),
  );
  return parsed.map((item) => ({ ...(item.Labels ?? {}), 'dev.harness.name': item.Name }));
}

export async function removeContainers(tool: EngineCli, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await engine(tool, ['rm', '-f', '-v', ...ids]);
}

export async function removeResources(
  tool: EngineCli,
  kind: 'network' | 'volume',
  names: readonly string[],
): Promise<void> {
  if (names.length > 0) await engine(tool, [kind, 'rm', ...names]);
}

export async function createVolume(tool: EngineCli, name: string, labels: Record<string, string>): Promise<void> {
  const exists = await runProcess(tool.engine, ['volume', 'inspect', name]);
  if (exists.code === 0) return;
  await engine(tool, [
    'volume',
    'create',
    ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    name,
  ]);
}
