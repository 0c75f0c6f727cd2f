export type {
  CliIo,
  CommandArgs,
  CommandOutcome,
  CommandSpec,
  GlobalArgs,
  OptionSpec,
  PositionalSpec,
} from './command-spec.js';
export { commands } from './commands.js';
export type { ExitCode } from './main.js';
export { main } from './main.js';
export { renderCliDocs, renderCommandHelp, renderMainHelp } from './render-help.js';

// The library entry (docs/api.md): the result document of `harness check`, without a child process.
export type { CheckApiOptions } from './check-api.js';
export { check } from './check-api.js';
export type { HarnessConfig, HarnessConfigInput } from '@harness/config';
export type { CheckSummary, Diagnostic, ErrorCode, ResultDocument, Severity } from '@harness/diagnostics';
export { HarnessError, isHarnessError } from '@harness/diagnostics';
