// What `up` does when it cannot bring a stack up: a failing healthcheck, a service that crashes,
// an invalid compose file, service names that clash, a `.harness` symlinked out of the repository.
// Each failure names the service and leaves nothing behind, `.harness/env` included.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessError } from 'agent-harness-diagnostics';
import { downWorktree, readStackNames, upWorktree } from '../src/index.js';
import { buildBusyboxImage, removeImage } from './busybox-image.js';
import type { FixtureRepo } from './fixture-repo.js';
import { createRepo, leftovers, removeRepo, uniqueTag } from './fixture-repo.js';

const image = uniqueTag();
const repos: FixtureRepo[] = [];

beforeAll(() => buildBusyboxImage(image));
afterAll(() => {
  for (const repo of repos) removeRepo(repo);
  removeImage(image);
});

function repoWith(compose: string, name: string, file = 'compose.yaml'): FixtureRepo {
  const repo = createRepo({ [file]: compose }, name);
  repos.push(repo);
  return repo;
}

async function upError(cwd: string): Promise<HarnessError> {
  try {
    await upWorktree({ cwd, timeoutSeconds: 60 });
  } catch (error) {
    return error as HarnessError;
  }
  throw new Error('up succeeded');
}

const nothing = { containers: [], networks: [], volumes: [] };

function api(extra = ''): string {
  return `services:\n  api:\n    image: ${image}\n    init: true\n    command: ["sleep", "600"]\n    ports: ["3000:3000"]\n${extra}`;
}

const failingHealthcheck = `    healthcheck:
      test: ["CMD", "sh", "-c", "echo api not listening; exit 1"]
      interval: 1s
      retries: 1
`;

describe('a failed up', () => {
  it('fails fast on a failing healthcheck, says what it said, and removes the stack', async () => {
    const repo = repoWith(
      `services:
  api:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    ports: ["3000:3000"]
    volumes: [cache:/cache]
    healthcheck:
      test: ["CMD", "sh", "-c", "echo api not listening; exit 1"]
      interval: 1s
      retries: 1
volumes:
  cache:
`,
      'unhealthy',
    );
    const error = await upError(repo.root);
    expect(error.code).toBe('COMPOSE_FAILED');
    expect(error.message).toMatch(/^api is unhealthy \(healthcheck said: api not listening\)/);
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });

  it('fails on a service that crashes mid-up with its last log lines, and removes what it created', async () => {
    const repo = repoWith(
      `services:
  db:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    container_name: db
    volumes: [data:/data]
  worker:
    image: ${image}
    command: ["sh", "-c", "echo connecting; echo cannot reach queue >&2; exit 3"]
    depends_on: [db]
volumes:
  data:
`,
      'crash',
    );
    const error = await upError(repo.root);
    expect(error.code).toBe('COMPOSE_FAILED');
    expect(error.message).toContain('worker exited with code 3; last log lines of worker:');
    expect(error.message).toContain('connecting');
    expect(error.message).toContain('cannot reach queue');
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });

  it('fails when compose itself fails (an image that does not exist) and removes what it created', async () => {
    const repo = repoWith(
      `services:
  db:
    image: ${image}
    init: true
    command: ["sleep", "600"]
  web:
    image: harness-test-no-such-image:never
    ports: ["8080"]
`,
      'noimage',
    );
    const error = await upError(repo.root);
    expect(error.code).toBe('COMPOSE_FAILED');
    expect(error.message).toContain('up failed for');
    const { project } = await readStackNames(repo.root);
    expect(error.message).toContain(project);
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });
});

describe('a failed up of a running stack', () => {
  it('removes .harness/env, whose ports are dead, and its fix names a command and a file that exist', async () => {
    const repo = repoWith(api(), 'again');
    const envFile = join(repo.root, '.harness', 'env');
    await upWorktree({ cwd: repo.root, timeoutSeconds: 60 });
    expect(readFileSync(envFile, 'utf8')).toMatch(/^HARNESS_PORT_API_3000=\d+$/m);
    writeFileSync(join(repo.root, 'compose.yaml'), api(failingHealthcheck));
    const error = await upError(repo.root);
    expect(error.code).toBe('COMPOSE_FAILED');
    expect(leftovers(repo.commonDir)).toEqual(nothing);
    expect(existsSync(envFile)).toBe(false);
    // The fix's command runs the failed service in the foreground, from the rendered file that is still there.
    const command = /`([^`]* -f [^`]* up api)`/.exec(error.fix ?? '')?.[1] ?? '';
    const words = command.split(' ');
    const file = words[words.indexOf('-f') + 1] ?? '';
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^ {2}api:$/m);
    expect(error.fix).not.toMatch(/docker logs/);
  });
});

describe('an interrupted up', () => {
  it('stops waiting on Ctrl-C and removes what it created', async () => {
    const repo = repoWith(
      `services:
  slow:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    volumes: [state:/state]
    healthcheck:
      test: ["CMD", "test", "-f", "/never"]
      interval: 1s
      retries: 1000
volumes:
  state:
`,
      'interrupted',
    );
    const abort = new AbortController();
    const up = upWorktree({ cwd: repo.root, signal: abort.signal });
    setTimeout(() => abort.abort(), 1500);
    await expect(up).rejects.toMatchObject({ code: 'INTERRUPTED' });
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });
});

describe('an invalid compose file', () => {
  it('is a CONFIG_INVALID error with compose’s own message and the file', async () => {
    const repo = repoWith(`services:\n  web:\n    image: ${image}\n    ports: "not a list"\n    bogus: 1\n`, 'invalid');
    const error = await upError(repo.root);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.place).toEqual({ file: 'compose.yaml' });
    expect(error.message).toMatch(/bogus/);
  });

  it('is a CONFIG_INVALID error naming both services when two map to one port variable, and starts nothing', async () => {
    const service = (name: string) =>
      `  ${name}:\n    image: ${image}\n    command: ["sleep", "600"]\n    ports: ["5432"]\n`;
    const repo = repoWith(`services:\n${service('my-db')}${service('my_db')}`, 'clash');
    const error = await upError(repo.root);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'services `my-db` and `my_db` both publish container port 5432 as HARNESS_PORT_MY_DB_5432',
    );
    expect(error.fix).toContain('Rename one of the services');
    expect(error.place).toEqual({ file: 'compose.yaml' });
    expect(leftovers(repo.commonDir)).toEqual(nothing);
    expect(existsSync(join(repo.root, '.harness', 'env'))).toBe(false);
  });

  it('says which files it looked for when there is none', async () => {
    const repo = repoWith('# no compose here\n', 'nofile', 'README.md');
    const error = await upError(repo.root);
    expect(error.code).toBe('CONFIG_NOT_FOUND');
    expect(error.message).toContain('looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml');
  });
});

describe('a .harness symlinked out of the repository', () => {
  it('is never written through: .harness/env', async () => {
    const repo = repoWith(api(), 'envlink');
    const outside = join(repo.base, 'outside.env');
    writeFileSync(outside, 'mine\n');
    mkdirSync(join(repo.root, '.harness'));
    symlinkSync(outside, join(repo.root, '.harness', 'env'));
    const error = await upError(repo.root);
    expect(error.code).toBe('IO_FAILED');
    expect(error.message).toContain('.harness/env');
    expect(readFileSync(outside, 'utf8')).toBe('mine\n');
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });

  it('is never written into or deleted from: the .harness folder', async () => {
    const repo = repoWith(api(), 'dirlink');
    const outside = join(repo.base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'env'), 'mine\n');
    symlinkSync(outside, join(repo.root, '.harness'));
    expect((await upError(repo.root)).code).toBe('IO_FAILED');
    await expect(downWorktree({ cwd: repo.root })).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readdirSync(outside)).toEqual(['env']);
    expect(readFileSync(join(outside, 'env'), 'utf8')).toBe('mine\n');
    expect(leftovers(repo.commonDir)).toEqual(nothing);
  });
});
