// The CLI's own pieces that scripts/generate.mjs renders docs/cli.md from.
export { loadCommands } from './commands.js';
export { renderCliDocs } from './render-help.js';

// The library entry (docs/api.md): the result document of `harness check`, without a child process.
// Users import these and no package of this repository does, so they are tagged public for knip.
/** @public docs/api.md */
export type { CheckApiOptions } from './check-api.js';
/** @public docs/api.md */
export { check } from './check-api.js';
/** @public docs/api.md */
export type { HarnessConfig, HarnessConfigInput } from 'agent-harness-config';
/** @public docs/api.md */
export type { CheckSummary, Diagnostic, ErrorCode, ResultDocument, Severity } from 'agent-harness-diagnostics';
/** @public docs/api.md */
export { HarnessError, isHarnessError } from 'agent-harness-diagnostics';
