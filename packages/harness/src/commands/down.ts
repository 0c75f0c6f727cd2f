// `harness down`: stop and remove this worktree's compose stack.
import type { CommandSpec } from '../command-spec.js';
import { composePackage } from '../packages.js';
import { jsonOption, loadComposeConfig, wantsJson } from '../cli/compose-options.js';

export const downCommand: CommandSpec = {
  name: 'down',
  summary: 'Stop and remove this worktree’s compose stack (its containers and networks; with --volumes its volumes).',
  description:
    'Works from the labels harness put on the stack, so it also cleans up after a compose file changed or vanished. See docs/compose.md.',
  options: [
    { name: 'volumes', type: 'boolean', description: 'Also remove the stack’s named volumes (its data).' },
    {
      name: 'shared',
      type: 'boolean',
      description: 'Also remove the `compose.shared` services that every worktree uses.',
    },
    jsonOption,
  ],
  examples: ['harness down', 'harness down --volumes'],
  async run(args, io) {
    const { downWorktree, renderDownPretty } = await composePackage();
    const result = await downWorktree({
      cwd: io.cwd,
      config: await loadComposeConfig(args, io),
      env: io.env,
      volumes: args.options.volumes === true,
      shared: args.options.shared === true,
    });
    io.stdout(wantsJson(args) ? `${JSON.stringify({ version: 1, ...result }, null, 2)}\n` : renderDownPretty(result));
    return { ok: true };
  },
};
