// .harness/cache/config.json: the config last validated in this repository, under a key of the file's
// bytes and of the validator itself (this package's version and code, zod's and yaml's versions). A
// run whose harness.config.yaml and harness are unchanged reads the validated config back instead
// of loading the YAML parser and the schema, most of a warm check's start-up (docs/decisions.md,
// "The validated config is cached"). Any other key, a file that does not parse or is not this cache
// is a miss: the config is validated as without a cache. Problems are never cached, so every
// config error is reported exactly as before.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureStateDir, writeFileAtomic } from 'agent-harness-system';
import type { HarnessConfig } from './schema.js';
import type { ValidationResult } from './validate-config.js';

export const configCacheFile = '.harness/cache/config.json';
/** The base's config, judged by on a branch (agent-harness's base-config), beside the change's own. */
const baseConfigCacheFile = '.harness/cache/base-config.json';
const cacheFormat = 'harness-config-cache';

interface StoredConfig {
  format: typeof cacheFormat;
  key: string;
  config: HarnessConfig;
}

let validatorKey: string | undefined;

/**
 * What the validated output depends on besides the text: every module of this package (dist/*.js
 * when built, src/*.ts when run from sources), its package.json, and the parser's and schema
 * library's package.json. Read once per process.
 */
function validatorFingerprint(): string {
  if (validatorKey !== undefined) return validatorKey;
  const here = fileURLToPath(import.meta.url);
  const folder = dirname(here);
  const ext = extname(here);
  const hash = createHash('sha256');
  const modules = readdirSync(folder)
    .filter((name) => name.endsWith(ext) && !/\.(test|fixture|d)\.[jt]s$/.test(name))
    .sort();
  for (const name of modules) hash.update(`${name}\0`).update(readFileSync(join(folder, name)));
  const require = createRequire(import.meta.url);
  const manifests = [
    join(folder, '..', 'package.json'),
    require.resolve('zod/package.json'),
    require.resolve('yaml/package.json'),
  ];
  for (const manifest of manifests) hash.update(readFileSync(manifest));
  validatorKey = hash.digest('hex');
  return validatorKey;
}

/** The cache key of a config file's text. */
export function configCacheKey(text: string): string {
  return createHash('sha256').update(validatorFingerprint()).update('\0').update(text).digest('hex');
}

/** The validated config cached under `key` in the repository at `root` (in `file`), if there is one. */
export function readCachedConfig(root: string, key: string, file = configCacheFile): HarnessConfig | undefined {
  let stored: Partial<StoredConfig> | null;
  try {
    stored = JSON.parse(readFileSync(join(root, file), 'utf8')) as Partial<StoredConfig> | null;
  } catch {
    return undefined;
  }
  if (stored === null || typeof stored !== 'object' || stored.format !== cacheFormat || stored.key !== key)
    return undefined;
  const config = stored.config;
  return config !== null && typeof config === 'object' && config.version === 1 ? config : undefined;
}

/**
 * Caches a validated config. Only a config that JSON gives back unchanged is cached; a write that
 * fails is left out silently, as the cache only saves time.
 */
export async function writeCachedConfig(
  root: string,
  key: string,
  config: HarnessConfig,
  file = configCacheFile,
): Promise<void> {
  const text = JSON.stringify({ format: cacheFormat, key, config } satisfies StoredConfig);
  if (!isDeepStrictEqual((JSON.parse(text) as StoredConfig).config, config)) return;
  const path = join(root, file);
  await ensureStateDir(dirname(path))
    .then(() => writeFileAtomic(path, `${text}\n`, { durable: false }))
    .catch(() => undefined);
}

/**
 * validateConfig's answer for a config text that is not the repository's own file (the base's, read
 * from git): a valid config is read from and written to `file` under the text's key, so an unchanged
 * text loads neither the YAML parser nor the schema; problems are never cached.
 */
export async function validateConfigCached(
  root: string,
  text: string,
  shown: string,
  file = baseConfigCacheFile,
): Promise<ValidationResult> {
  const key = configCacheKey(text);
  const cached = readCachedConfig(root, key, file);
  if (cached !== undefined) return { ok: true, config: cached };
  const { validateConfig } = await import('./validate-config.js');
  const result = validateConfig(text, shown);
  if (result.ok) await writeCachedConfig(root, key, result.config, file);
  return result;
}
