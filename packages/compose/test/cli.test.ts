// End to end: the built `harness` bin (run `pnpm build` first) with a clean environment.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusyboxImage, removeImage } from './busybox-image.js';
import type { FixtureRepo } from './fixture-repo.js';
import { createRepo, leftovers, removeRepo, uniqueTag } from './fixture-repo.js';

const harnessBin = join(dirname(fileURLToPath(import.meta.url)), '../../harness/bin/harness.js');
const image = uniqueTag();
let repo: FixtureRepo;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function harness(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  const clean = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, [harnessBin, ...args], { cwd, env: clean }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

beforeAll(() => {
  buildBusyboxImage(image);
  repo = createRepo(
    {
      'harness.config.yaml': 'version: 1\ncompose:\n  files: [ops/stack.yaml]\n',
      'ops/stack.yaml': `services:\n  web:\n    image: ${image}\n    init: true\n    command: ["httpd", "-f", "-p", "80", "-h", "/"]\n    ports: ["80:80", "8443"]\n`,
    },
    'cli',
  );
});

afterAll(() => {
  if (repo !== undefined) removeRepo(repo);
  removeImage(image);
});

describe('harness up, test, ps, down', () => {
  it('up prints one line per published port and a summary on stderr', async () => {
    const result = await harness(repo.root, ['up']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^web {2}80\/tcp {4}http:\/\/127\.0\.0\.1:\d+\nweb {2}8443\/tcp {2}http:\/\/127\.0\.0\.1:\d+\n$/,
    );
    expect(result.stderr).toMatch(
      /^cli-cli-[0-9a-f]{6} is up \((?:v1|v2|podman)\): web; variables in \.harness\/env\n$/,
    );
  });

  it('test runs the command with the variables and passes its exit code on', async () => {
    const passing = await harness(repo.root, [
      'test',
      '--',
      'sh',
      '-c',
      'echo "$HARNESS_PROJECT $HARNESS_PORT_WEB_80"',
    ]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toMatch(/^cli-cli-[0-9a-f]{6} \d+\n$/);
    const failing = await harness(repo.root, ['test', '--', 'sh', '-c', 'exit 3']);
    expect(failing.code).toBe(3);
  });

  it('ps --json lists the stack with its ports', async () => {
    const result = await harness(repo.root, ['ps', '--json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      version: number;
      stacks: { current: boolean; status: string; services: { ports: unknown[] }[] }[];
    };
    expect(document.version).toBe(1);
    expect(document.stacks).toHaveLength(1);
    expect(document.stacks[0]).toMatchObject({ current: true, status: 'running' });
    expect(document.stacks[0]?.services[0]?.ports).toHaveLength(2);
  });

  it('down removes the stack', async () => {
    const result = await harness(repo.root, ['down']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cli-cli-[0-9a-f]{6}: removed 1 container\(s\), 1 network\(s\), 0 volume\(s\)\n$/);
    expect(leftovers(repo.commonDir)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

describe('exit 2 when compose cannot run', () => {
  it('says how to install a compose tool that is missing', async () => {
    // A PATH with git alone: no docker, docker-compose or podman.
    const bin = join(repo.base, 'bin');
    mkdirSync(bin);
    symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(bin, 'git'));
    const result = await harness(repo.root, ['up'], { PATH: bin });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error TOOL_MISSING: no compose tool is installed (tried `docker compose`, `docker-compose`, `podman compose`, `podman-compose`)',
    );
    expect(result.stderr).toContain('fix: Install Docker');
  });

  it('says when the daemon is not reachable', async () => {
    const result = await harness(repo.root, ['ps'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error COMPOSE_FAILED: the docker daemon is not reachable');
  });
});
