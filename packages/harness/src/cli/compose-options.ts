// What the compose commands (`harness up`, `down`, `ps`, `test`, `gc`) share: --json, --timeout and
// the `compose` section of harness.config.yaml.
import type { ComposeConfig } from 'agent-harness-config';
import type { CliIo, CommandArgs, OptionSpec } from '../command-spec.js';
import { integerOption } from './integer-option.js';
import { loadCommandConfig } from './load-command-config.js';

export const jsonOption: OptionSpec = {
  name: 'json',
  type: 'boolean',
  description: 'Print JSON for scripts (same as --format json).',
};

export const timeoutOption: OptionSpec = {
  name: 'timeout',
  type: 'string',
  valueName: 'seconds',
  description: 'How long to wait for every service to be running and healthy (default 120).',
};

/** The `compose` section of harness.config.yaml; undefined (compose's default files) without one. */
export async function loadComposeConfig(args: CommandArgs, io: CliIo): Promise<ComposeConfig | undefined> {
  return (await loadCommandConfig(args, io)).config.compose;
}

export function wantsJson(args: CommandArgs): boolean {
  return args.options.json === true || args.global.format === 'json';
}

/** `--timeout 300` → { timeoutSeconds: 300 }; absent → {}. */
export function timeoutSeconds(args: CommandArgs): { timeoutSeconds?: number } {
  const seconds = integerOption(args, 'timeout', { min: 1, unit: 'seconds', example: 300 });
  return seconds === undefined ? {} : { timeoutSeconds: seconds };
}
