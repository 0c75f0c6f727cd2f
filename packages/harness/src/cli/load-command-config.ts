// The config every command reads: harness.config.yaml searched from the working directory up to the
// git work tree's root, or the file `--config` names (docs/architecture.md "How a command runs").
import type { LoadedConfig } from 'agent-harness-config';
import type { CliIo, CommandArgs } from '../command-spec.js';
import { configPackage } from '../packages.js';

export async function loadCommandConfig(args: CommandArgs, io: CliIo): Promise<LoadedConfig> {
  const { loadConfig } = await configPackage();
  return loadConfig({
    cwd: io.cwd,
    ...(args.global.config === undefined ? {} : { configPath: args.global.config }),
  });
}
