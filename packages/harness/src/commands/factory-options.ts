// What the `harness factory …` commands share: the config section and --repo.
import type { ComposeConfig, FactoryConfig } from '@harness/config';
import type { CommandArgs, CliIo, OptionSpec } from '../command-spec.js';
import { configPackage } from '../packages.js';

export const factoryRepoOption: OptionSpec = {
  name: 'repo',
  type: 'string',
  valueName: 'owner/name',
  description: 'The repository (default: GITHUB_REPOSITORY, else the origin remote).',
};

export async function loadFactoryConfig(
  args: CommandArgs,
  io: CliIo,
): Promise<{ root: string; config: FactoryConfig; compose: ComposeConfig | undefined }> {
  const { loadConfig, sectionDefaults } = await configPackage();
  const loaded = await loadConfig({
    cwd: io.cwd,
    ...(args.global.config === undefined ? {} : { configPath: args.global.config }),
  });
  return {
    root: loaded.root,
    config: loaded.config.factory ?? sectionDefaults('factory'),
    compose: loaded.config.compose,
  };
}
