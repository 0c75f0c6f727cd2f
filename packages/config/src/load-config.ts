// Finding and reading harness.config.yaml. This module and what it imports stay light: the YAML parser
// and the schema (zod) load only when a config is validated (validate-config.ts), and a config
// validated before comes from the cache (config-cache.ts); agent-harness-config/load is this module.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { configCacheKey, readCachedConfig, writeCachedConfig } from './config-cache.js';
import type { ConfigProblem } from './config-error.js';
import type { HarnessConfig } from './schema.js';

export const configFileName = 'harness.config.yaml';

export interface LoadedConfig {
  /** The repository root: a found config file's folder, else the git work tree, else the working directory. */
  root: string;
  /** Absolute path of the config file, when there is one. */
  path: string | undefined;
  config: HarnessConfig;
}

/** A config under the name people often type instead; it is reported, never read. */
export const misnamedConfigFileName = 'harness.config.yml';

export interface ConfigSearch {
  /** The config file found, if any. */
  path: string | undefined;
  /** A `harness.config.yml` found where the search would have found the config, if there is no config. */
  misnamed: string | undefined;
}

/**
 * Looks for harness.config.yaml from `cwd` up to the git work tree's root, never above it (a parent
 * folder's config belongs to another project). Outside a work tree only `cwd` itself is searched.
 */
export function searchConfigFile(cwd: string): ConfigSearch {
  let dir = resolve(cwd);
  const stop = findGitRoot(dir) ?? dir;
  let misnamed: string | undefined;
  for (;;) {
    const candidate = join(dir, configFileName);
    if (existsSync(candidate)) return { path: candidate, misnamed: undefined };
    if (misnamed === undefined && existsSync(join(dir, misnamedConfigFileName)))
      misnamed = join(dir, misnamedConfigFileName);
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return { path: undefined, misnamed };
    dir = parent;
  }
}

/** The config file the search finds from `cwd`, if any (see searchConfigFile). */
export function findConfigFile(cwd: string): string | undefined {
  return searchConfigFile(cwd).path;
}

/** The nearest folder at or above `cwd` that holds `.git` (a folder, or a worktree's file). */
export function findGitRoot(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Turns problems into the one exit-2 error the CLI prints; every problem is named with its place. */
export function configError(problems: readonly ConfigProblem[]): HarnessError {
  const [first] = problems;
  const message =
    problems.length === 1 && first !== undefined
      ? `${first.key}: ${first.message}`
      : `${problems.length} problems in ${configFileName}:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.key}: ${p.message}`).join('\n')}`;
  return new HarnessError('CONFIG_INVALID', message, {
    ...(first === undefined
      ? {}
      : { place: { file: first.file, line: first.line, column: first.column, key: first.key } }),
    fix: first?.suggestion
      ? `Rename "${first.key.split('.').at(-1) ?? ''}" to "${first.suggestion}". The schema is agent-harness-config/schema.json.`
      : 'Correct the keys named above; the schema is agent-harness-config/schema.json (editors complete it).',
  });
}

export interface LoadConfigOptions {
  cwd?: string;
  /** An explicit config file instead of searching. */
  configPath?: string;
  /**
   * Read and write the validated config in the repository's `.harness/cache/config.json` (the CLI's
   * check path does); without it nothing is written.
   */
  cache?: boolean;
}

/**
 * Finds and validates the config. The root is the folder of a config found by the search, else the
 * git work tree of `cwd` (also with an explicit `configPath`, which only names the file), else `cwd`.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const found = locateConfig(options);
  if (found.path === undefined) return { root: found.root, path: undefined, config: { version: 1 } };
  return {
    root: found.root,
    path: found.path,
    config: await readConfig(found.root, found.path, found.shown, options.cache === true),
  };
}

/** Where the config file is (if any), how messages name it, and the root: loadConfig's synchronous half. */
export function locateConfig(options: LoadConfigOptions): { root: string; path: string | undefined; shown: string } {
  const cwd = resolve(options.cwd ?? process.cwd());
  const workTree = findGitRoot(cwd) ?? cwd;
  if (options.configPath !== undefined) {
    const path = resolve(cwd, options.configPath);
    return { root: workTree, path, shown: relative(cwd, path) || configFileName };
  }
  const search = searchConfigFile(cwd);
  if (search.misnamed !== undefined && search.path === undefined) {
    const shown = relative(cwd, search.misnamed) || misnamedConfigFileName;
    throw new HarnessError('CONFIG_NOT_FOUND', `harness reads ${configFileName}, not ${misnamedConfigFileName}`, {
      place: { file: shown },
      fix: `Rename ${shown} to ${configFileName} (\`git mv ${shown} ${join(dirname(shown), configFileName)}\`).`,
    });
  }
  if (search.path === undefined) return { root: workTree, path: undefined, shown: configFileName };
  return { root: dirname(search.path), path: search.path, shown: relative(cwd, search.path) || configFileName };
}

/** The exit-2 error of a command that needs a config file and has none. */
export function noConfigError(root: string, what: string): HarnessError {
  return new HarnessError('CONFIG_NOT_FOUND', `no ${configFileName} in ${root}: ${what}`, {
    fix: 'Run `npx agent-harness init` to create one, or name the check to run with its defaults (`harness check docs`).',
  });
}

async function readConfig(root: string, path: string, shown: string, cache: boolean): Promise<HarnessConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw unreadableConfig(path, cause);
  }
  if (cache) return validatedOrCached(root, text, shown);
  const { validateConfig } = await import('./validate-config.js');
  const result = validateConfig(text, shown);
  if (!result.ok) throw configError(result.problems);
  return result.config;
}

/**
 * The config validated before, from the cache, when neither the file nor harness changed since;
 * otherwise validated now (the one exit-2 error naming every problem) and cached when valid.
 */
async function validatedOrCached(root: string, text: string, shown: string): Promise<HarnessConfig> {
  const key = configCacheKey(text);
  const cached = readCachedConfig(root, key);
  if (cached !== undefined) return cached;
  const { validateConfig } = await import('./validate-config.js');
  const result = validateConfig(text, shown);
  if (!result.ok) throw configError(result.problems);
  await writeCachedConfig(root, key, result.config);
  return result.config;
}

export function unreadableConfig(path: string, cause: unknown): HarnessError {
  return new HarnessError('CONFIG_NOT_FOUND', `cannot read ${path}`, {
    place: { file: path },
    fix: 'Check the path given with --config, or run `npx agent-harness init`.',
    cause,
  });
}
