import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeCommandLine, detectComposeTool } from './compose-tool.js';

// A PATH holding only small scripts, so detection sees exactly the tools a test installs.
let bin: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'harness-tools-'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function install(name: string, versionLine: string): void {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\necho run >> "${bin}/${name}.calls"\necho "${versionLine}"\n`);
  chmodSync(path, 0o755);
}

// The scripts' shebang is absolute, so PATH can hold the test's folder alone.
const env = () => ({ PATH: bin });

describe('detectComposeTool', () => {
  it('tells legacy docker-compose v1 from a v2 binary installed under the same name', async () => {
    install('docker-compose', 'docker-compose version 1.29.2, build unknown');
    expect(await detectComposeTool(env())).toMatchObject({ kind: 'v1', command: ['docker-compose'], engine: 'docker' });
    install('docker-compose', 'Docker Compose version v2.29.7');
    expect(await detectComposeTool(env())).toMatchObject({ kind: 'v2', command: ['docker-compose'] });
  });

  it('falls back to podman-compose with the podman engine', async () => {
    install('podman-compose', 'podman-compose version 1.0.6');
    expect(await detectComposeTool(env())).toMatchObject({
      kind: 'podman',
      command: ['podman-compose'],
      engine: 'podman',
    });
  });

  it('takes HARNESS_COMPOSE over the order', async () => {
    install('docker-compose', 'docker-compose version 1.29.2');
    install('podman-compose', 'podman-compose version 1.0.6');
    expect(await detectComposeTool({ ...env(), HARNESS_COMPOSE: 'podman-compose' })).toMatchObject({ kind: 'podman' });
  });

  it('asks a standalone binary for its version once, then reads the cache', async () => {
    install('docker-compose', 'docker-compose version 1.29.2, build unknown');
    const cache = { root: bin, file: join(bin, 'cache.json') };
    await detectComposeTool(env(), cache);
    const second = await detectComposeTool(env(), cache);
    expect(second.version).toBe('docker-compose version 1.29.2, build unknown');
    expect(readFileSync(join(bin, 'docker-compose.calls'), 'utf8')).toBe('run\n');
  });

  it('is TOOL_MISSING with install instructions when there is none', async () => {
    await expect(detectComposeTool(env())).rejects.toMatchObject({
      code: 'TOOL_MISSING',
      fix: expect.stringContaining('apt-get install docker.io docker-compose') as string,
    });
  });

  it('is a usage error for a HARNESS_COMPOSE it does not know', async () => {
    await expect(detectComposeTool({ ...env(), HARNESS_COMPOSE: 'nerdctl compose' })).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});

describe('composeCommandLine', () => {
  it('prints the call as a command line a shell runs as it is', () => {
    const tool = { kind: 'v1', command: ['docker-compose'], engine: 'docker', version: '1.29.2' } as const;
    const call = {
      project: 'shop-main-abc123',
      files: ["/src/it's here/.harness/compose/compose.yaml"],
      projectDirectory: '/src/shop',
      cwd: '/src/shop',
    };
    expect(composeCommandLine({ ...tool, command: ['docker-compose'] }, call, ['up', 'api'])).toBe(
      `docker-compose -p shop-main-abc123 -f '/src/it'\\''s here/.harness/compose/compose.yaml' --project-directory /src/shop up api`,
    );
  });
});
