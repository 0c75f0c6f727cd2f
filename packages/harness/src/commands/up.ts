// `harness up`: the worktree's compose stack (docs/compose.md).
import type { ComposeConfig } from '@harness/config';
import { HarnessError } from '@harness/diagnostics';
import { relative } from 'node:path';
import type { CliIo, CommandArgs, CommandSpec, OptionSpec } from '../command-spec.js';
import { composePackage, configPackage } from '../packages.js';

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
  const { loadConfig } = await configPackage();
  const loaded = await loadConfig({
    cwd: io.cwd,
    ...(args.global.config === undefined ? {} : { configPath: args.global.config }),
  });
  return loaded.config.compose;
}

export function wantsJson(args: CommandArgs): boolean {
  return args.options.json === true || args.global.format === 'json';
}

export function timeoutSeconds(args: CommandArgs): { timeoutSeconds?: number } {
  const value = args.options.timeout;
  if (typeof value !== 'string') return {};
  if (!/^\d+$/.test(value) || Number(value) === 0) {
    throw new HarnessError('USAGE', `--timeout takes a whole number of seconds, not "${value}"`, {
      fix: 'For example --timeout 300.',
    });
  }
  return { timeoutSeconds: Number(value) };
}

/** Runs `work` with an AbortSignal that Ctrl-C (SIGINT) and SIGTERM abort, so up can clean up first. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(abort.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

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
