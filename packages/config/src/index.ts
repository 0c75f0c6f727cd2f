export type { ConfigProblem } from './config-error.js';
export type { LoadConfigOptions, LoadedConfig } from './load-config.js';
export type { ConfigSearch } from './load-config.js';
export {
  configError,
  configFileName,
  findConfigFile,
  findGitRoot,
  loadConfig,
  misnamedConfigFileName,
  noConfigError,
  searchConfigFile,
} from './load-config.js';
export { loadConfigSync } from './load-config-sync.js';
export type { ValidationResult } from './validate-config.js';
export { validateConfig } from './validate-config.js';
export type {
  BudgetConfig,
  ComposeConfig,
  ContractConfig,
  DocsConfig,
  FactoryConfig,
  HarnessConfig,
  HarnessConfigInput,
  LayersConfig,
  RuleSeverity,
  RulesetsConfig,
  SectionName,
} from './schema.js';
export {
  configSchema,
  contractTypes,
  createJsonSchema,
  defaultLayerOrder,
  ruleSeverities,
  sectionDefaults,
} from './schema.js';
export { knownKeysAt, suggestKey } from './suggest-key.js';
export type { Check, CheckContext, CheckOptions, CheckOutcome } from './check-definition.js';
export { testFixtureGlobs } from './test-fixtures.js';
