// Reads a service's `ports` entries in every form compose accepts or prints: the long
// syntax (`target`, `published`, `protocol`, `host_ip`) that `config` prints, the short
// string `[ip:][host[-range]:]container[-range][/proto]`, and a bare number.
// Spec: https://docs.docker.com/reference/compose-file/services/#ports
import { HarnessError } from 'agent-harness-diagnostics';

export interface PublishedPort {
  service: string;
  /** The port inside the container. */
  containerPort: number;
  protocol: string;
}

/** The container ports one `ports` entry publishes (a range gives several). */
export function parsePortEntry(entry: unknown): { containerPort: number; protocol: string }[] {
  if (typeof entry === 'number') return [{ containerPort: entry, protocol: 'tcp' }];
  if (typeof entry === 'object' && entry !== null) {
    const record = entry as Record<string, unknown>;
    const target = Number(record.target);
    if (!Number.isInteger(target)) return [];
    return [{ containerPort: target, protocol: typeof record.protocol === 'string' ? record.protocol : 'tcp' }];
  }
  if (typeof entry !== 'string') return [];
  const [spec = '', protocol = 'tcp'] = entry.split('/');
  // An IPv6 host address is bracketed; the container part is always last.
  const container =
    spec
      .replace(/^\[[^\]]*\]:/, '')
      .split(':')
      .at(-1) ?? '';
  const range = /^(\d+)(?:-(\d+))?$/.exec(container);
  if (range === null) return [];
  const first = Number(range[1]);
  const last = range[2] === undefined ? first : Number(range[2]);
  const ports: { containerPort: number; protocol: string }[] = [];
  for (let port = first; port <= last; port += 1) ports.push({ containerPort: port, protocol });
  return ports;
}

/** Every published port of the given services, in file order, without duplicates. */
export function publishedPorts(
  services: Record<string, unknown>,
  names: readonly string[] = Object.keys(services),
): PublishedPort[] {
  const result: PublishedPort[] = [];
  const seen = new Set<string>();
  for (const service of names) {
    const definition = services[service] as { ports?: unknown; network_mode?: unknown } | undefined;
    if (!Array.isArray(definition?.ports) || definition.network_mode === 'host') continue;
    for (const entry of definition.ports) {
      for (const port of parsePortEntry(entry)) {
        const key = portKey({ service, ...port });
        if (seen.has(key)) continue;
        seen.add(key);
        result.push({ service, ...port });
      }
    }
  }
  return result;
}

/** `web:8080/tcp`: how a published port is named in the port registry. */
export function portKey(port: PublishedPort): string {
  return `${port.service}:${port.containerPort}/${port.protocol}`;
}

/** `HARNESS_PORT_<SERVICE>_<CONTAINER_PORT>`; a udp port gets `_UDP` so it cannot clash with tcp. */
export function portVariable(port: PublishedPort): string {
  const service = port.service.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const suffix = port.protocol === 'tcp' ? '' : `_${port.protocol.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  return `HARNESS_PORT_${service}_${port.containerPort}${suffix}`;
}

/**
 * Throws CONFIG_INVALID when two services' ports get one variable name (`my-db` and `my_db` are both
 * `MY_DB`): one would silently replace the other in `.harness/env`. The scheme itself stays, since
 * users' scripts name these variables.
 */
export function assertDistinctVariables(ports: readonly PublishedPort[], file: string): void {
  const owners = new Map<string, PublishedPort>();
  for (const port of ports) {
    const name = portVariable(port);
    const first = owners.get(name);
    if (first === undefined) {
      owners.set(name, port);
      continue;
    }
    if (first.service === port.service) continue;
    throw new HarnessError(
      'CONFIG_INVALID',
      `services \`${first.service}\` and \`${port.service}\` both publish container port ${port.containerPort} as ${name}`,
      {
        place: { file },
        fix: `Rename one of the services (service names differing only in case or in \`-\`, \`_\`, \`.\` give one HARNESS_PORT_* name), then run \`harness up\` again.`,
      },
    );
  }
}
