import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignPorts, portRange, preferredPort, releasePorts } from './port-registry.js';

let commonDir: string;
beforeEach(() => {
  commonDir = mkdtempSync(join(tmpdir(), 'harness-ports-'));
});
afterEach(() => rmSync(commonDir, { recursive: true, force: true }));

const allFree = () => Promise.resolve(true);

describe('assignPorts', () => {
  it('starts from a stable preferred port in the range, below the ephemeral range', async () => {
    const ports = await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['db:5432/tcp'],
      held: new Set(),
      isFree: allFree,
    });
    expect(ports.get('db:5432/tcp')).toBe(preferredPort('p1', 'db:5432/tcp'));
    expect(preferredPort('p1', 'db:5432/tcp')).toBeGreaterThanOrEqual(portRange.first);
    expect(preferredPort('p1', 'db:5432/tcp')).toBeLessThanOrEqual(portRange.last);
  });

  it('gives the recorded port again while it is free, or held by the project itself', async () => {
    const first = await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['db:5432/tcp'],
      held: new Set(),
      isFree: allFree,
    });
    const port = first.get('db:5432/tcp') ?? 0;
    const again = await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['db:5432/tcp'],
      held: new Set([port]),
      isFree: (p) => Promise.resolve(p !== port),
    });
    expect(again.get('db:5432/tcp')).toBe(port);
  });

  it('moves off a recorded port that something else took', async () => {
    const first = await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['db:5432/tcp'],
      held: new Set(),
      isFree: allFree,
    });
    const port = first.get('db:5432/tcp') ?? 0;
    const again = await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['db:5432/tcp'],
      held: new Set(),
      isFree: (p) => Promise.resolve(p !== port),
    });
    expect(again.get('db:5432/tcp')).not.toBe(port);
  });

  it('never gives two projects the same port, even when they ask at the same moment', async () => {
    // Only a handful of ports are free, so both projects contend for them.
    const free = new Set([portRange.first, portRange.first + 1, portRange.first + 2, portRange.first + 3]);
    const isFree = (p: number) => Promise.resolve(free.has(p));
    const keys = ['a:1/tcp', 'b:2/tcp'];
    const [one, two] = await Promise.all([
      assignPorts({ commonDir, project: 'p1', owner: commonDir, keys, held: new Set(), isFree }),
      assignPorts({ commonDir, project: 'p2', owner: commonDir, keys, held: new Set(), isFree }),
    ]);
    const all = [...one.values(), ...two.values()];
    expect(new Set(all).size).toBe(4);
    expect(all.every((p) => free.has(p))).toBe(true);
  });

  it('forgets projects whose owner is gone, and released ones', async () => {
    await assignPorts({
      commonDir,
      project: 'gone',
      owner: join(commonDir, 'removed-worktree'),
      keys: ['a:1/tcp'],
      held: new Set(),
      isFree: allFree,
    });
    await assignPorts({
      commonDir,
      project: 'p1',
      owner: commonDir,
      keys: ['a:1/tcp'],
      held: new Set(),
      isFree: allFree,
    });
    const registry = JSON.parse(readFileSync(join(commonDir, 'harness', 'ports.json'), 'utf8')) as {
      projects: Record<string, unknown>;
    };
    expect(Object.keys(registry.projects)).toEqual(['p1']);
    await releasePorts(commonDir, ['p1']);
    expect(JSON.parse(readFileSync(join(commonDir, 'harness', 'ports.json'), 'utf8'))).toEqual({
      version: 1,
      projects: {},
    });
  });
});
