// The validated config is cached in .harness/cache/config.json, keyed by the file's bytes and the
// validator: an unchanged file is read back, a changed one validated again, and errors are never cached.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { configCacheFile, configCacheKey } from './config-cache.js';
import { loadConfig } from './load-config.js';
import { validateConfig } from './validate-config.js';

function repo(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-config-cache-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'harness.config.yaml'), config);
  return dir;
}

const cached = (dir: string) =>
  JSON.parse(readFileSync(join(dir, configCacheFile), 'utf8')) as { format: string; key: string; config: unknown };

/** Puts `config` into the cache under the key of the repository's current config file. */
function forgeCache(dir: string, config: unknown): void {
  const key = configCacheKey(readFileSync(join(dir, 'harness.config.yaml'), 'utf8'));
  writeFileSync(join(dir, configCacheFile), JSON.stringify({ format: 'harness-config-cache', key, config }));
}

const layers = 'version: 1\nlayers:\n  domains: ["src/*"]\n';

describe('the config cache', () => {
  it('caches a validated config and reads it back while the file is unchanged', async () => {
    const dir = repo(layers);
    const first = await loadConfig({ cwd: dir, cache: true });
    expect(cached(dir).config).toStrictEqual(first.config);
    // What the cache holds is what a second run gets: a marker put there shows it was read.
    forgeCache(dir, { ...first.config, rules: { 'layers/unassigned': 'off' } });
    const second = await loadConfig({ cwd: dir, cache: true });
    expect(second.config).toStrictEqual({ ...first.config, rules: { 'layers/unassigned': 'off' } });
    expect(second.root).toBe(first.root);
  });

  it('validates a changed file again: the same errors as without a cache, and none cached', async () => {
    const dir = repo(layers);
    await loadConfig({ cwd: dir, cache: true });
    const bad = 'version: 1\nlayers:\n  domians: ["src/*"]\n';
    writeFileSync(join(dir, 'harness.config.yaml'), bad);
    const error = await loadConfig({ cwd: dir, cache: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', place: { file: 'harness.config.yaml', line: 3 } });
    const problems = validateConfig(bad, 'harness.config.yaml');
    expect(problems.ok).toBe(false);
    expect((error as Error).message).toContain('did you mean "domains"?');
    expect(cached(dir).key).toBe(configCacheKey(layers));
    const again = await loadConfig({ cwd: dir, cache: true }).catch((e: unknown) => e);
    expect((again as Error).message).toBe((error as Error).message);
  });

  it('equals the validated config on the SPEC example, defaults included', async () => {
    const text = readFileSync(new URL('./spec-example.fixture.yaml', import.meta.url), 'utf8');
    const dir = repo(text);
    const validated = validateConfig(text, 'harness.config.yaml');
    expect((await loadConfig({ cwd: dir, cache: true })).config).toStrictEqual(
      validated.ok ? validated.config : undefined,
    );
    expect((await loadConfig({ cwd: dir, cache: true })).config).toStrictEqual(
      validated.ok ? validated.config : undefined,
    );
  });

  it('is a miss when it is not JSON, not this cache, or under another key, and is then rewritten', async () => {
    const dir = repo(layers);
    const expected = (await loadConfig({ cwd: dir, cache: true })).config;
    for (const text of [
      '{ not json',
      '[]',
      '{"format":"other","key":"x"}',
      JSON.stringify({ ...cached(dir), key: 'x' }),
    ]) {
      writeFileSync(join(dir, configCacheFile), text);
      expect((await loadConfig({ cwd: dir, cache: true })).config).toStrictEqual(expected);
      expect(cached(dir).key).toBe(configCacheKey(layers));
    }
  });

  it('keys on the text: another byte is another key', () => {
    expect(configCacheKey(layers)).not.toBe(configCacheKey(`${layers} `));
    expect(configCacheKey(layers)).toBe(configCacheKey(layers));
  });

  it('writes nothing unless asked to cache', async () => {
    const dir = repo(layers);
    expect((await loadConfig({ cwd: dir })).config).toMatchObject({ layers: { domains: ['src/*'] } });
    expect(existsSync(join(dir, '.harness'))).toBe(false);
  });

  it('loads the config when the cache cannot be written', async () => {
    const dir = repo(layers);
    writeFileSync(join(dir, '.harness'), 'a file where the folder would be\n');
    expect((await loadConfig({ cwd: dir, cache: true })).config).toMatchObject({
      version: 1,
      layers: { domains: ['src/*'] },
    });
  });
});
