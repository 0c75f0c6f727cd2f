// The one place where outcomes become exit codes (docs/contract.md, "Exit codes"):
// 0 ok, 1 findings, 2 could not run. No stack trace unless --debug.
import type { Format } from 'agent-harness-diagnostics';
import {
  createErrorDocument,
  formatHarnessError,
  internalErrorFix,
  isFormat,
  isHarnessError,
  renderError,
} from 'agent-harness-diagnostics';
import type { CliIo, CommandEntry, CommandSpec } from './command-spec.js';
import { commandTable, loadCommands } from './commands.js';
import { findCommand, parseInvocation } from './parse-argv.js';
import { renderCommandHelp, renderMainHelp } from './render-help.js';
import { toolVersion } from './tool-version.js';

/** 0 success, 1 findings, 2 could not run; `harness test -- CMD` passes CMD's own code on. */
export type ExitCode = number;

export async function main(
  argv: readonly string[],
  io: CliIo,
  table: readonly CommandEntry[] = commandTable,
): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  try {
    const commands = await specsFor(table, argv);
    const invocation = parseInvocation(commands, argv, { NO_COLOR: io.env.NO_COLOR, isTTY: io.isTTY });
    if (invocation.version) {
      io.stdout(`${toolVersion()}\n`);
      return 0;
    }
    if (invocation.command === undefined) {
      io.stdout(renderMainHelp(await loadCommands(table), toolVersion()));
      return argv.length === 0 || invocation.help ? 0 : 2;
    }
    if (invocation.help) {
      io.stdout(renderCommandHelp(invocation.command));
      return 0;
    }
    const outcome = await invocation.command.run(invocation.args, io);
    if (outcome.exitCode !== undefined) return outcome.exitCode;
    return outcome.ok ? 0 : 1;
  } catch (error) {
    // A machine reading --format json/github/sarif/markdown gets the error in that format too
    // (docs/contract.md, "Exit codes"); people read the plain message on stderr.
    io.stdout(renderError(createErrorDocument(error), requestedFormat(argv), { toolVersion: toolVersion() }));
    if (isHarnessError(error)) {
      io.stderr(`${formatHarnessError(error)}\n`);
      if (debug && error.stack !== undefined) io.stderr(`${error.stack}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${message}\n${internalErrorFix}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
    else io.stderr('Run again with --debug for the stack trace.\n');
    return 2;
  }
}

/**
 * The specs argv needs: the named command's alone; none for `--version` or `--help` without a command
 * (the main help loads them all); every command for a word that names none, for the "did you mean".
 */
async function specsFor(table: readonly CommandEntry[], argv: readonly string[]): Promise<CommandSpec[]> {
  const dashes = argv.indexOf('--');
  const head = dashes === -1 ? argv : argv.slice(0, dashes);
  const entry = findCommand(table, head);
  if (entry !== undefined) return [await entry.load()];
  if (head[0] === undefined || head[0].startsWith('-')) return [];
  return loadCommands(table);
}

/** The `--format` asked for, read loosely so that an error in the rest of argv is still printed in it. */
function requestedFormat(argv: readonly string[]): Format {
  let format: Format = 'pretty';
  const dashes = argv.indexOf('--');
  const head = dashes === -1 ? argv : argv.slice(0, dashes);
  head.forEach((arg, i) => {
    const value =
      arg === '--format' ? head[i + 1] : arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (value !== undefined && isFormat(value)) format = value;
  });
  return format;
}
