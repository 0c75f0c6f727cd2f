// Opt-in sharing (`compose.shared`, `compose.sharedVolumes`) and `harness test`'s library call:
// one shared database for two worktrees, reached by its service name, and CMD's exit code.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackUp } from '../src/index.js';
import { downWorktree, listStacks, readStackNames, runWithStack, upWorktree } from '../src/index.js';
import { buildBusyboxImage, removeImage } from './busybox-image.js';
import type { FixtureRepo } from './fixture-repo.js';
import { addWorktree, createRepo, leftovers, projectLeftovers, removeRepo, uniqueTag } from './fixture-repo.js';

const image = uniqueTag();
const composeFile = `services:
  db:
    image: ${image}
    init: true
    command: ["sh", "-c", "echo shared db > /www/index.html; httpd -f -p 5432 -h /www"]
    ports: ["5432:5432"]
    volumes: [data:/data]
  web:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    depends_on: [db]
    ports: ["8080"]
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://db:5432/"]
      interval: 1s
      retries: 20
volumes:
  data:
`;
const config = { files: ['compose.yaml'], shared: ['db'], sharedVolumes: ['data'] };

let repo: FixtureRepo;
let second: string;
let stacks: StackUp[];

beforeAll(async () => {
  buildBusyboxImage(image);
  repo = createRepo({ 'compose.yaml': composeFile }, 'infra');
  second = addWorktree(repo, 'feature');
  stacks = await Promise.all([upWorktree({ cwd: repo.root, config }), upWorktree({ cwd: second, config })]);
});

afterAll(() => {
  if (repo !== undefined) removeRepo(repo);
  removeImage(image);
});

describe('compose.shared', () => {
  it('runs one instance of a shared service for every worktree, reachable by its name', async () => {
    const { sharedProject } = await readStackNames(repo.root);
    const names = execFileSync(
      'docker',
      ['ps', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${sharedProject}`],
      { encoding: 'utf8' },
    );
    expect(names.trim().split('\n')).toHaveLength(1);
    // web's healthcheck fetched http://db:5432/ across the projects.
    for (const stack of stacks)
      expect(stack.services.find((s) => s.service === 'web' && !s.shared)).toMatchObject({ health: 'healthy' });
  });

  it('gives both worktrees the shared service’s one port, and each its own web port', () => {
    const [one, two] = stacks as [StackUp, StackUp];
    expect(one.variables.HARNESS_PORT_DB_5432).toBe(two.variables.HARNESS_PORT_DB_5432);
    expect(one.variables.HARNESS_PORT_WEB_8080).not.toBe(two.variables.HARNESS_PORT_WEB_8080);
    expect(one.ports.find((p) => p.service === 'db')?.shared).toBe(true);
  });

  it('mounts a shared volume under one name', async () => {
    const { sharedProject } = await readStackNames(repo.root);
    expect(leftovers(repo.commonDir).volumes).toEqual([`${sharedProject}_data`]);
  });

  it('lists the shared stack in ps', async () => {
    const listing = await listStacks({ cwd: repo.root, config });
    expect(listing.filter((s) => s.shared)).toHaveLength(1);
    expect(listing.filter((s) => !s.shared)).toHaveLength(2);
  });
});

describe('runWithStack (harness test)', () => {
  it('runs CMD with the stack’s variables and passes its exit code on; --down keeps the shared services', async () => {
    let output = '';
    const result = await runWithStack({
      cwd: second,
      config,
      command: ['sh', '-c', 'echo "db=$HARNESS_PORT_DB_5432 project=$HARNESS_PROJECT"; exit 3'],
      down: true,
      onStdout: (chunk) => {
        output += chunk;
      },
    });
    expect(result.exitCode).toBe(3);
    expect(output).toBe(`db=${stacks[0]?.variables.HARNESS_PORT_DB_5432} project=${stacks[1]?.project}\n`);
    expect(projectLeftovers(stacks[1]?.project ?? '')).toEqual([]);
    const { sharedProject } = await readStackNames(repo.root);
    expect(projectLeftovers(sharedProject)).not.toEqual([]);
  });

  it('down --shared --volumes removes the shared services and volume too', async () => {
    await downWorktree({ cwd: repo.root, config, shared: true, volumes: true });
    expect(leftovers(repo.commonDir)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
