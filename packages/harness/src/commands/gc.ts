// `harness gc`: remove the stacks of worktrees that no longer exist.
import type { CommandSpec } from '../command-spec.js';
import { composePackage } from '../packages.js';
import { jsonOption, loadComposeConfig, wantsJson } from '../cli/compose-options.js';

export const gcCommand: CommandSpec = {
  name: 'gc',
  summary: 'Remove the containers, networks and volumes of worktrees that no longer exist.',
  description:
    'Compares the stacks labelled for this repository with `git worktree list` and removes those of vanished worktrees ' +
    'through the engine CLI, without their compose files. Stacks of existing worktrees and shared services are never touched. See docs/compose.md.',
  options: [
    { name: 'dry-run', type: 'boolean', description: 'Show what would be removed; remove nothing.' },
    jsonOption,
  ],
  examples: ['harness gc', 'harness gc --dry-run'],
  async run(args, io) {
    const { gcStacks, renderGcPretty } = await composePackage();
    const result = await gcStacks({
      cwd: io.cwd,
      config: await loadComposeConfig(args, io),
      env: io.env,
      dryRun: args.options['dry-run'] === true,
    });
    io.stdout(wantsJson(args) ? `${JSON.stringify({ version: 1, ...result }, null, 2)}\n` : renderGcPretty(result));
    return { ok: true };
  },
};
