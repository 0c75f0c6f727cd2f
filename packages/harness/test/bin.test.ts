// End to end: the built bin, a clean environment, stdout, stderr and exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/harness.js', import.meta.url));

function harness(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-e2e-'));
  made.push(dir);
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'harness.config.yaml'), config);
  return dir;
}

describe('harness bin', () => {
  it('--version prints the package version', async () => {
    const result = await harness(['--version'], tmpdir());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('check --format json prints one document and exits 0', async () => {
    const result = await harness(['check', '--format', 'json'], repo('version: 1\n'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, ok: true, checks: expect.any(Array), diagnostics: [] });
  });

  it('a misspelt key exits 2 with file, line, key and suggestion', async () => {
    const result = await harness(['check'], repo('version: 1\nlayers:\n  domians: ["src/*"]\n'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'harness.config.yaml:3:3: error CONFIG_INVALID: layers.domians: unknown key "domians": did you mean "domains"?',
    );
  });
});
