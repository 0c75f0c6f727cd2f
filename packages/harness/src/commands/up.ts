// `harness up`: the worktree's compose stack (docs/compose.md).
import { relative } from 'node:path';
import type { CommandSpec } from '../command-spec.js';
import { jsonOption, loadComposeConfig, timeoutOption, timeoutSeconds, wantsJson } from '../cli/compose-options.js';
import { withInterrupt } from '../cli/with-interrupt.js';
import { composePackage } from '../packages.js';

export const upCommand: CommandSpec = {
  name: 'up',
  summary:
    'Start this worktree’s own compose stack from the project’s unmodified compose files and wait until it is ready.',
  description:
    'Renders the resolved compose configuration into .harness/compose/ with a project name, host ports (on 127.0.0.1, ' +
    'stable per worktree), container names and volume names of this worktree, starts it, and waits until every service ' +
    'is running and healthy (one-shot services: exited 0). Writes .harness/env (HARNESS_PROJECT, HARNESS_PORT_<SERVICE>_<PORT>) ' +
    'and prints one line per published port. A failed up removes what it created and shows the failing service’s last log lines. ' +
    'See docs/compose.md.',
  options: [jsonOption, timeoutOption],
  examples: ['harness up', 'harness up --json', 'harness up --timeout 300'],
  async run(args, io) {
    const { renderUpJson, renderUpPretty, renderUpSummary, upWorktree } = await composePackage();
    const config = await loadComposeConfig(args, io);
    const stack = await withInterrupt((signal) =>
      upWorktree({ cwd: io.cwd, config, env: io.env, signal, ...timeoutSeconds(args) }),
    );
    if (wantsJson(args)) {
      io.stdout(renderUpJson(stack));
    } else {
      io.stderr(renderUpSummary(stack, relative(io.cwd, stack.envFile) || stack.envFile));
      io.stdout(renderUpPretty(stack));
    }
    return { ok: true };
  },
};
