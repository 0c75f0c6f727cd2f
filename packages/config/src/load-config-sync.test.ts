// loadConfigSync (the ESLint plugin's path: rules are synchronous) finds, roots and validates the
// config exactly as loadConfig does: the same result, or the same error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { LoadConfigOptions } from './load-config.js';
import { loadConfig } from './load-config.js';
import { loadConfigSync } from './load-config-sync.js';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-config-sync-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

async function both(options: LoadConfigOptions): Promise<[unknown, unknown]> {
  const asyncly = await loadConfig(options).catch((error: unknown) => ({ threw: error }));
  let syncly: unknown;
  try {
    syncly = loadConfigSync(options);
  } catch (error) {
    syncly = { threw: error };
  }
  return [syncly, asyncly];
}

describe('loadConfigSync', () => {
  it('finds the config walking up and returns what loadConfig returns', async () => {
    const dir = repo({ 'harness.config.yaml': 'version: 1\nlayers:\n  domains: ["src/*"]\n' });
    const [syncly, asyncly] = await both({ cwd: join(dir, 'src', 'deep') });
    expect(syncly).toEqual(asyncly);
    expect(syncly).toMatchObject({ root: dir, path: join(dir, 'harness.config.yaml') });
  });

  it('without a file, roots at the git root with no sections', async () => {
    const dir = repo({});
    const [syncly, asyncly] = await both({ cwd: join(dir, 'src') });
    expect(syncly).toEqual({ root: dir, path: undefined, config: { version: 1 } });
    expect(syncly).toEqual(asyncly);
  });

  it.each([
    ['an invalid config', { 'harness.config.yaml': 'version: 1\nlayers:\n  domians: []\n' }, {}, 'CONFIG_INVALID'],
    ['a misnamed config', { 'harness.config.yml': 'version: 1\n' }, {}, 'CONFIG_NOT_FOUND'],
    ['an explicit path that does not exist', {}, { configPath: 'nope.yaml' }, 'CONFIG_NOT_FOUND'],
  ])('throws the error loadConfig throws for %s', async (_name, files, options, code) => {
    const dir = repo(files);
    const [syncly, asyncly] = await both({ cwd: dir, ...options });
    expect(syncly).toMatchObject({ threw: { code } });
    const [s, a] = [syncly, asyncly] as { threw: Error & { place?: unknown; fix?: unknown } }[];
    expect([s?.threw.message, s?.threw.place, s?.threw.fix]).toEqual([a?.threw.message, a?.threw.place, a?.threw.fix]);
  });
});
