// Options every command takes (docs/contract.md, "Commands").
import type { OptionSpec } from './command-spec.js';

export const globalOptions: OptionSpec[] = [
  {
    name: 'format',
    type: 'string',
    valueName: 'pretty|json|github|sarif|markdown',
    description: 'Output format (default: pretty).',
  },
  {
    name: 'config',
    type: 'string',
    valueName: 'file',
    description:
      'Use this config file instead of searching for harness.config.yaml (from here up to the git work tree root). It names the file only: the repository root stays the git work tree.',
  },
  { name: 'debug', type: 'boolean', description: 'Show stack traces for errors.' },
  { name: 'no-color', type: 'boolean', description: 'No ANSI colours (also NO_COLOR=1).' },
  { name: 'help', type: 'boolean', short: 'h', description: 'Show help.' },
  { name: 'version', type: 'boolean', short: 'v', description: 'Print the version.' },
];
