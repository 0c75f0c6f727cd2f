// The config the `harness factory …` commands read: the factory section (defaults without one) and
// the compose section the loop's worktrees use.
import type { ComposeConfig, FactoryConfig } from 'agent-harness-config';
import type { CliIo, CommandArgs } from '../command-spec.js';
import { configPackage } from '../packages.js';
import { loadCommandConfig } from './load-command-config.js';

export interface FactoryCommandConfig {
  root: string;
  config: FactoryConfig;
  compose: ComposeConfig | undefined;
}

export async function loadFactoryConfig(args: CommandArgs, io: CliIo): Promise<FactoryCommandConfig> {
  const [{ sectionDefaults }, loaded] = await Promise.all([configPackage(), loadCommandConfig(args, io)]);
  return {
    root: loaded.root,
    config: loaded.config.factory ?? sectionDefaults('factory'),
    compose: loaded.config.compose,
  };
}
