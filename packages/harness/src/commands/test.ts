// `harness test -- CMD`: CMD against this worktree's stack, with its variables set.
import type { CommandSpec } from '../command-spec.js';
import { composePackage } from '../packages.js';
import { loadComposeConfig, timeoutOption, timeoutSeconds } from '../cli/compose-options.js';
import { withInterrupt } from '../cli/with-interrupt.js';

export const testCommand: CommandSpec = {
  name: 'test',
  summary:
    'Run a command against this worktree’s compose stack (started if needed) with HARNESS_PROJECT and HARNESS_PORT_* set.',
  description:
    'Brings the stack up as `harness up` does (a running stack is reused), then runs the command after `--` in the current ' +
    'folder with the variables of .harness/env added to its environment, and exits with its exit code. --down removes the ' +
    'stack afterwards (volumes are kept). The command runs without a shell: use `-- sh -c "…"` for one. See docs/compose.md.',
  options: [
    { name: 'down', type: 'boolean', description: 'Tear the stack down after the command, whatever its result.' },
    timeoutOption,
  ],
  acceptsRest: true,
  examples: [
    'harness test -- pnpm test',
    'harness test --down -- pnpm vitest run --project e2e',
    'harness test -- sh -c \'psql "postgres://localhost:$HARNESS_PORT_DB_5432"\'',
  ],
  async run(args, io) {
    const { runWithStack } = await composePackage();
    const config = await loadComposeConfig(args, io);
    const result = await withInterrupt((signal) =>
      runWithStack({
        signal,
        cwd: io.cwd,
        config,
        env: io.env,
        command: args.rest,
        down: args.options.down === true,
        // On a terminal CMD gets it directly (colours, progress); piped, its output goes through io.
        inheritOutput: io.isTTY,
        onStdout: (chunk) => io.stdout(chunk),
        onStderr: (chunk) => io.stderr(chunk),
        ...timeoutSeconds(args),
      }),
    );
    return { ok: result.exitCode === 0, exitCode: result.exitCode };
  },
};
