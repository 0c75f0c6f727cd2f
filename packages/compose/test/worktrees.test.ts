// Two worktrees of one repository, each with its own stack from the same unmodified compose file
// that pins host ports and a container_name; ports stable across down/up; ps across worktrees.
// Each test leaves both stacks up as it found them, so any one runs alone (gc: gc.test.ts).
// Runs against the real Docker engine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackUp } from '../src/index.js';
import { downWorktree, listStacks, runWithStack, upWorktree } from '../src/index.js';
import { buildBusyboxImage, removeImage } from './busybox-image.js';
import type { FixtureRepo } from './fixture-repo.js';
import {
  addWorktree,
  createRepo,
  leftovers,
  projectLeftovers,
  removeRepo,
  serviceContainer,
  uniqueTag,
} from './fixture-repo.js';

const image = uniqueTag();
const composeFile = `services:
  web:
    image: ${image}
    container_name: web
    init: true
    command: ["sh", "-c", "echo hello from $$HOSTNAME > /www/index.html; httpd -f -p 8080 -h /www"]
    ports: ["8080:8080"]
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
      interval: 1s
      retries: 10
  db:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    ports: ["5432:5432"]
    volumes: [data:/data]
  migrate:
    image: ${image}
    command: ["true"]
volumes:
  data:
`;

let repo: FixtureRepo;
let second: string;
let stacks: [StackUp, StackUp];

beforeAll(async () => {
  buildBusyboxImage(image);
  repo = createRepo({ 'compose.yaml': composeFile });
  // Same folder name as the main worktree, detached HEAD: the project names must still differ.
  second = addWorktree(repo, 'elsewhere/shop');
  stacks = await Promise.all<[Promise<StackUp>, Promise<StackUp>]>([
    upWorktree({ cwd: repo.root }),
    upWorktree({ cwd: second }),
  ]);
});

afterAll(() => {
  if (repo !== undefined) removeRepo(repo);
  removeImage(image);
});

function hostPort(stack: StackUp, service: string): number {
  return stack.ports.find((p) => p.service === service)?.hostPort ?? 0;
}

describe('two worktrees up at once', () => {
  it('gives each its own project, host ports and container names', () => {
    const [one, two] = stacks;
    expect(one.project).not.toBe(two.project);
    expect(one.project).toMatch(/^shop-shop-[0-9a-f]{6}$/);
    const ports = [hostPort(one, 'web'), hostPort(one, 'db'), hostPort(two, 'web'), hostPort(two, 'db')];
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(10000);
    const names = execFileSync(
      'docker',
      ['ps', '--format', '{{.Names}}', '--filter', `label=dev.harness.repo=${repo.commonDir}`],
      { encoding: 'utf8' },
    );
    expect(names).toContain(`${one.project}-web`);
    expect(names).toContain(`${two.project}-web`);
  });

  it('waits for the healthcheck and counts a one-shot service that exited 0 as done', () => {
    const services = stacks[0].services;
    expect(services.find((s) => s.service === 'web')).toMatchObject({ status: 'running', health: 'healthy' });
    expect(services.find((s) => s.service === 'migrate')).toMatchObject({ status: 'exited' });
  });

  it('serves each worktree’s web on its own 127.0.0.1 port', async () => {
    const [one, two] = await Promise.all(
      stacks.map(async (s) => (await fetch(`http://127.0.0.1:${hostPort(s, 'web')}/`)).text()),
    );
    expect(one).toMatch(/^hello from /);
    expect(two).toMatch(/^hello from /);
    expect(one).not.toBe(two);
  });

  it('writes .harness/env with the project and one variable per published port', () => {
    const [one] = stacks;
    expect(readFileSync(join(repo.root, '.harness', 'env'), 'utf8')).toContain(
      `HARNESS_PROJECT=${one.project}\nHARNESS_PORT_DB_5432=${hostPort(one, 'db')}\nHARNESS_PORT_WEB_8080=${hostPort(one, 'web')}\n`,
    );
  });

  it('gives each worktree its own named volume', () => {
    const { volumes } = leftovers(repo.commonDir);
    expect(volumes.sort()).toEqual([`${stacks[0].project}_data`, `${stacks[1].project}_data`].sort());
  });
});

describe('ps', () => {
  it('lists the stacks of every worktree, this one first', async () => {
    const listing = await listStacks({ cwd: second });
    expect(listing.map((s) => [s.project, s.current, s.status, s.worktree])).toEqual([
      [stacks[1].project, true, 'running', second],
      [stacks[0].project, false, 'running', repo.root],
    ]);
    const web = listing[0]?.services.find((s) => s.service === 'web');
    expect(web?.ports).toEqual([{ containerPort: 8080, protocol: 'tcp', hostPort: hostPort(stacks[1], 'web') }]);
  });
});

describe('harness test on a running stack', () => {
  it('reuses the stack as it is', async () => {
    const id = () =>
      execFileSync('docker', ['inspect', '--format', '{{.Id}}', `${stacks[0].project}-web`], { encoding: 'utf8' });
    const before = id();
    const result = await runWithStack({ cwd: repo.root, command: ['true'] });
    expect(result.exitCode).toBe(0);
    expect(result.stack.ports).toEqual(stacks[0].ports);
    expect(id()).toBe(before);
  });
});

describe('down and up again', () => {
  it('keeps the worktree’s host ports and its data', async () => {
    const before = stacks[0];
    execFileSync('docker', ['exec', serviceContainer(before.project, 'db'), 'touch', '/data/kept']);
    const down = await downWorktree({ cwd: repo.root });
    expect(down.removed.containers).toHaveLength(3);
    expect(projectLeftovers(before.project)).toEqual([`${before.project}_data`]);
    const after = await upWorktree({ cwd: repo.root });
    expect(after.ports).toEqual(before.ports);
    execFileSync('docker', ['exec', serviceContainer(before.project, 'db'), 'test', '-f', '/data/kept']);
  });
});
