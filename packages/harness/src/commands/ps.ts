// `harness ps`: every compose stack of this repository, across its worktrees.
import type { CommandSpec } from '../command-spec.js';
import { composePackage } from '../packages.js';
import { jsonOption, loadComposeConfig, wantsJson } from '../cli/compose-options.js';

export const psCommand: CommandSpec = {
  name: 'ps',
  summary: 'List the compose stacks of every worktree of this repository, with status and ports.',
  description:
    'Found by the labels harness puts on every container; `*` marks this worktree’s stack, and a stack whose worktree is gone says so (`harness gc` removes it). See docs/compose.md.',
  options: [jsonOption],
  examples: ['harness ps', 'harness ps --json'],
  async run(args, io) {
    const { listStacks, renderPsJson, renderPsPretty } = await composePackage();
    const stacks = await listStacks({ cwd: io.cwd, config: await loadComposeConfig(args, io), env: io.env });
    io.stdout(wantsJson(args) ? renderPsJson(stacks) : renderPsPretty(stacks));
    return { ok: true };
  },
};
