// The host-port registry every worktree of a repository shares: `<git common dir>/harness/ports.json`,
// changed only under `ports.lock`, so two worktrees running `up` at the same moment never pick the
// same port, and a worktree gets its port back on the next `up` while it stays free.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { withPidLock, writeFileInside } from 'agent-harness-system';

interface ProjectPorts {
  /** The worktree (or, for the shared project, the git common dir) the ports belong to. */
  owner: string;
  /** portKey (`web:8080/tcp`) → host port. */
  ports: Record<string, number>;
}

export interface PortRegistry {
  version: 1;
  projects: Record<string, ProjectPorts>;
}

export const portRange = { first: 10000, last: 32767 } as const;

export function registryPaths(commonDir: string): { dir: string; file: string; lock: string } {
  const dir = join(commonDir, 'harness');
  return { dir, file: join(dir, 'ports.json'), lock: join(dir, 'ports.lock') };
}

export async function readRegistry(commonDir: string): Promise<PortRegistry> {
  try {
    const parsed = JSON.parse(await readFile(registryPaths(commonDir).file, 'utf8')) as Partial<PortRegistry> | null;
    // A hand-edited or foreign file loses its odd entries, never crashes `up`.
    const entries = Object.entries(parsed?.projects ?? {}).filter(
      ([, e]) => typeof e?.owner === 'string' && typeof e.ports === 'object' && e.ports !== null,
    );
    return { version: 1, projects: Object.fromEntries(entries) };
  } catch {
    return { version: 1, projects: {} };
  }
}

/** Runs `work` holding the repository's port lock. */
function withPortLock<T>(commonDir: string, work: () => Promise<T>): Promise<T> {
  return withPidLock(
    {
      root: commonDir,
      path: registryPaths(commonDir).lock,
      heldBy: 'another harness process holds the port registry',
      waitMs: 20_000,
    },
    work,
  );
}

/** Whether nothing listens on 127.0.0.1:port (a 0.0.0.0 listener makes the bind fail too). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A stable first guess in the range for a key: FNV-1a of `project/key`. */
export function preferredPort(project: string, key: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${project}/${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return portRange.first + (hash % (portRange.last - portRange.first + 1));
}

export interface AssignPortsInput {
  commonDir: string;
  project: string;
  owner: string;
  keys: readonly string[];
  /** Host ports this project's own containers hold right now (they are not free, but they are ours). */
  held: ReadonlySet<number>;
  isFree?: (port: number) => Promise<boolean>;
}

/**
 * Host ports for `keys`: the recorded one while it is ours or free, else the first free port from the
 * key's preferred one that no other project of the repository has recorded. Records the result.
 */
export async function assignPorts(input: AssignPortsInput): Promise<Map<string, number>> {
  const isFree = input.isFree ?? isPortFree;
  return withPortLock(input.commonDir, async () => {
    const registry = await readRegistry(input.commonDir);
    // Projects whose worktree is gone no longer hold ports.
    for (const [name, entry] of Object.entries(registry.projects))
      if (!existsSync(entry.owner)) delete registry.projects[name];
    const taken = new Set<number>();
    for (const [name, entry] of Object.entries(registry.projects))
      if (name !== input.project) for (const port of Object.values(entry.ports)) taken.add(port);
    const previous = registry.projects[input.project]?.ports ?? {};
    const chosen = new Map<string, number>();
    for (const key of input.keys) {
      const recorded = previous[key];
      if (recorded !== undefined && !taken.has(recorded) && (input.held.has(recorded) || (await isFree(recorded)))) {
        chosen.set(key, recorded);
        taken.add(recorded);
        continue;
      }
      const port = await firstFreePort(preferredPort(input.project, key), taken, isFree);
      chosen.set(key, port);
      taken.add(port);
    }
    registry.projects[input.project] = { owner: input.owner, ports: { ...previous, ...Object.fromEntries(chosen) } };
    await writeFileInside(
      input.commonDir,
      registryPaths(input.commonDir).file,
      `${JSON.stringify(registry, null, 2)}\n`,
    );
    return chosen;
  });
}

async function firstFreePort(
  start: number,
  taken: ReadonlySet<number>,
  isFree: (port: number) => Promise<boolean>,
): Promise<number> {
  const size = portRange.last - portRange.first + 1;
  for (let i = 0; i < size; i += 1) {
    const port = portRange.first + ((start - portRange.first + i) % size);
    if (!taken.has(port) && (await isFree(port))) return port;
  }
  throw new HarnessError('COMPOSE_FAILED', `no free host port left in ${portRange.first}–${portRange.last}`, {
    fix: 'Stop stacks you no longer need (`harness ps`, `harness down`, `harness gc`).',
  });
}

/** Forgets projects (after `down` or `gc`). */
export async function releasePorts(commonDir: string, projects: readonly string[]): Promise<void> {
  if (!existsSync(registryPaths(commonDir).file)) return;
  await withPortLock(commonDir, async () => {
    const registry = await readRegistry(commonDir);
    for (const project of projects) delete registry.projects[project];
    await writeFileInside(commonDir, registryPaths(commonDir).file, `${JSON.stringify(registry, null, 2)}\n`);
  });
}
