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
