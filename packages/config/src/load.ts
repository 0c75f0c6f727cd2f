// agent-harness-config/load: finding and loading harness.config.yaml without the YAML parser and the
// schema (zod) when the cache knows the config (config-cache.ts). The CLI's `harness check` and the
// checks on its path import this entry; everything else is in the package's main entry.
export { configError, findGitRoot, loadConfig, locateConfig, noConfigError } from './load-config.js';
export { testFixtureGlobs } from './test-fixtures.js';
export { validateConfigCached } from './config-cache.js';
