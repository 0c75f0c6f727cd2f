// `--help` text and docs/cli.md, both from the command table.
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { globalOptions } from './global-options.js';

function optionLabel(option: OptionSpec): string {
  const short = option.short === undefined ? '' : `-${option.short}, `;
  const label = `<${option.valueName ?? 'value'}>`;
  const value = option.type === 'string' ? ` ${option.optionalValue === true ? `[${label}]` : label}` : '';
  return `${short}--${option.name}${value}`;
}

function usageLine(command: CommandSpec): string {
  const positionals = (command.positionals ?? []).map((p) => (p.variadic === true ? `[${p.name}...]` : `[${p.name}]`));
  const rest = command.acceptsRest === true ? ['-- CMD...'] : [];
  return ['harness', command.name, '[options]', ...positionals, ...rest].join(' ');
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export function renderMainHelp(commands: readonly CommandSpec[], version: string): string {
  return [
    `harness ${version}: a repository where coding agents work fast without wrecking it.`,
    '',
    'Usage: harness <command> [options]',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...table(globalOptions.map((o) => [optionLabel(o), o.description])),
    '',
    'Exit codes: 0 success, 1 findings (violations, drift, over budget), 2 could not run.',
    'Run `harness <command> --help` for a command’s options.',
    '',
  ].join('\n');
}

export function renderCommandHelp(command: CommandSpec): string {
  const lines = [`Usage: ${usageLine(command)}`, '', command.summary];
  if (command.description !== undefined) lines.push('', command.description);
  if ((command.positionals ?? []).length > 0) {
    lines.push('', 'Arguments:', ...table((command.positionals ?? []).map((p) => [p.name, p.description])));
  }
  const options = [...(command.options ?? []), ...globalOptions];
  lines.push('', 'Options:', ...table(options.map((o) => [optionLabel(o), o.description])));
  if ((command.examples ?? []).length > 0)
    lines.push('', 'Examples:', ...(command.examples ?? []).map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** docs/cli.md: generated; CI regenerates it and fails on a diff. */
export function renderCliDocs(commands: readonly CommandSpec[]): string {
  const lines = [
    '# Command line reference',
    '',
    '<!-- Generated from packages/harness/src/commands.ts by `pnpm generate`. Do not edit. -->',
    '',
    'Exit codes for every command: `0` success, `1` the command ran and found errors, `2` it could not run',
    '(bad usage, bad or missing config, missing tool, unreachable API).',
    '',
    '## Options every command takes',
    '',
    ...optionRows(globalOptions),
  ];
  for (const command of commands) {
    lines.push('', `## harness ${command.name}`, '', command.summary, '');
    if (command.description !== undefined) lines.push(command.description, '');
    lines.push('```sh', usageLine(command), '```');
    if ((command.positionals ?? []).length > 0) {
      lines.push('', '| argument | meaning |', '| --- | --- |');
      lines.push(...(command.positionals ?? []).map((p) => `| \`${p.name}\` | ${p.description} |`));
    }
    if ((command.options ?? []).length > 0) lines.push('', ...optionRows(command.options ?? []));
    if ((command.examples ?? []).length > 0) lines.push('', '```sh', ...(command.examples ?? []), '```');
  }
  return `${lines.join('\n')}\n`;
}

function optionRows(options: readonly OptionSpec[]): string[] {
  return [
    '| option | meaning |',
    '| --- | --- |',
    ...options.map((o) => `| \`${optionLabel(o).replace(/\|/g, '\\|')}\` | ${o.description} |`),
  ];
}
