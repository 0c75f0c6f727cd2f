// Turns argv into a command and its arguments, from the command table alone.
import { parseArgs } from 'node:util';
import { closestWord, HarnessError, isFormat } from 'agent-harness-diagnostics';
import type { CommandArgs, CommandSpec, OptionSpec } from './command-spec.js';
import { globalOptions } from './global-options.js';

export interface ParsedInvocation {
  command: CommandSpec | undefined;
  args: CommandArgs;
  help: boolean;
  version: boolean;
}

/** The command whose words start argv, the longest match winning (`rulesets plan` over `rulesets`). */
export function findCommand<T extends { name: string }>(
  commands: readonly T[],
  argv: readonly string[],
): T | undefined {
  const words = argv.slice(0, argv.findIndex((a) => a.startsWith('-')) >>> 0);
  let best: T | undefined;
  for (const command of commands) {
    const name = command.name.split(' ');
    const matches = name.every((word, i) => words[i] === word);
    if (matches && name.length > (best?.name.split(' ').length ?? 0)) best = command;
  }
  return best;
}

export function parseInvocation(
  commands: readonly CommandSpec[],
  argv: readonly string[],
  env: CommandEnv,
): ParsedInvocation {
  const dashes = argv.indexOf('--');
  const head = dashes === -1 ? [...argv] : argv.slice(0, dashes);
  const rest = dashes === -1 ? [] : argv.slice(dashes + 1);
  const command = findCommand(commands, head);
  if (command === undefined && head[0] !== undefined && !head[0].startsWith('-'))
    throw unknownCommand(commands, head[0]);
  if (rest.length > 0 && command?.acceptsRest !== true) {
    throw new HarnessError('USAGE', `"${command?.name ?? 'harness'}" takes no arguments after --`, {
      fix: `Run \`harness ${command?.name ?? ''} --help\`.`,
    });
  }
  const specs = [...globalOptions, ...(command?.options ?? [])];
  const words = command === undefined ? 0 : command.name.split(' ').length;
  const values = parseOptions(specs, head.slice(words), command);
  return {
    command,
    help: values.options.help === true,
    version: values.options.version === true,
    args: {
      global: globalArgs(values.options, env),
      options: values.options,
      positionals: values.positionals,
      rest: [...rest],
    },
  };
}

/** A first word that names no command: the group's subcommands when it is a group, else the closest command. */
function unknownCommand(commands: readonly CommandSpec[], word: string): HarnessError {
  const group = commands.filter((c) => c.name.startsWith(`${word} `));
  if (group.length > 0) {
    const names = group.map((c) => c.name.split(' ').slice(1).join(' '));
    return new HarnessError('USAGE', `"harness ${word}" needs a subcommand: ${names.join(', ')}`, {
      fix: `Run \`harness ${word} ${names[0] ?? ''} --help\`, or \`harness --help\` for every command.`,
    });
  }
  const guess = closestWord(
    commands.map((c) => c.name.split(' ')[0] ?? c.name),
    word,
  );
  return new HarnessError(
    'USAGE',
    `unknown command "${word}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
    {
      fix: 'Run `harness --help` for the list of commands.',
    },
  );
}

function globalArgs(options: CommandArgs['options'], env: CommandEnv): CommandArgs['global'] {
  const format = typeof options.format === 'string' ? options.format : 'pretty';
  if (!isFormat(format)) {
    throw new HarnessError('USAGE', `unknown format "${format}"`, {
      fix: 'Use --format pretty, json, github, sarif or markdown.',
    });
  }
  return {
    format,
    debug: options.debug === true,
    color: options['no-color'] !== true && env.NO_COLOR === undefined && env.isTTY,
    config: typeof options.config === 'string' ? options.config : undefined,
  };
}

export interface CommandEnv {
  NO_COLOR: string | undefined;
  isTTY: boolean;
}

function parseOptions(specs: readonly OptionSpec[], args: readonly string[], command: CommandSpec | undefined) {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === true ? { multiple: true } : {}),
    };
  }
  try {
    const parsed = parseArgs({ args: withOptionalValues(specs, args), options, allowPositionals: true, strict: true });
    const positionals = parsed.positionals;
    const accepted = command?.positionals ?? [];
    const variadic = accepted.some((p) => p.variadic === true);
    if (!variadic && positionals.length > accepted.length) {
      throw new HarnessError('USAGE', `unexpected argument "${positionals[accepted.length] ?? ''}"`, {
        fix: `Run \`harness ${command?.name ?? ''} --help\`.`.replace('  ', ' '),
      });
    }
    return { options: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const guess =
      unknown === undefined
        ? undefined
        : closestWord(
            specs.map((s) => `--${s.name}`),
            unknown,
          );
    throw new HarnessError(
      'USAGE',
      `${message.split('. ')[0] ?? message}${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
      {
        fix: `Run \`harness ${command?.name ?? ''} --help\` for the options.`.replace('  ', ' '),
      },
    );
  }
}

/** `--name` of an optionalValue option with no value after it (the end, or another option) is `--name=`. */
function withOptionalValues(specs: readonly OptionSpec[], args: readonly string[]): string[] {
  const optional = new Set(specs.filter((s) => s.optionalValue === true).map((s) => `--${s.name}`));
  return args.map((arg, i) => {
    const next = args[i + 1];
    return optional.has(arg) && (next === undefined || next.startsWith('-')) ? `${arg}=` : arg;
  });
}
