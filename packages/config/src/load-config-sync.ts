// loadConfig for callers that cannot wait (ESLint rules are synchronous). It validates with the schema
// each time it is called (the ESLint plugin loads the config once per process) and leaves the cache
// to loadConfig.
import { readFileSync } from 'node:fs';
import type { LoadConfigOptions, LoadedConfig } from './load-config.js';
import { configError, locateConfig, unreadableConfig } from './load-config.js';
import { validateConfig } from './validate-config.js';

/** The same result or error as loadConfig. */
export function loadConfigSync(options: LoadConfigOptions = {}): LoadedConfig {
  const found = locateConfig(options);
  if (found.path === undefined) return { root: found.root, path: undefined, config: { version: 1 } };
  let text: string;
  try {
    text = readFileSync(found.path, 'utf8');
  } catch (cause) {
    throw unreadableConfig(found.path, cause);
  }
  const result = validateConfig(text, found.shown);
  if (!result.ok) throw configError(result.problems);
  return { root: found.root, path: found.path, config: result.config };
}
