// The typed command table's shape. Every command is one entry; the parser,
// `--help`, and docs/cli.md are all derived from the table.
import type { Format } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';

export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name <valueName>`. */
  valueName?: string;
  /** A string option whose value may be left out (`--changed` alone, or `--changed REF`): then it is ''. */
  optionalValue?: boolean;
  description: string;
}

interface PositionalSpec {
  name: string;
  description: string;
  variadic?: boolean;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (pretty colours, progress lines). */
  isTTY: boolean;
  env: Env;
  cwd: string;
}

interface GlobalArgs {
  format: Format;
  debug: boolean;
  color: boolean;
  /** `--config <file>`: an explicit config file instead of searching upward. */
  config: string | undefined;
}

export interface CommandArgs {
  global: GlobalArgs;
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Everything after `--`, untouched (for `harness test -- CMD`). */
  rest: string[];
}

/** What a command tells the one place that maps outcomes to exit codes. */
interface CommandOutcome {
  /** false: the command ran and found errors (exit 1). */
  ok: boolean;
  /** A child process's exit code passed on as the command's own (`harness test -- CMD`); wins over `ok`. */
  exitCode?: number;
}

/**
 * A line of the command table: the name that finds the command in argv, and its spec, imported only
 * when it is needed (the command runs, its help, or a list of every command).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<CommandSpec>;
}

export interface CommandSpec {
  /** One or more words: `check`, `rulesets plan`. */
  name: string;
  summary: string;
  /** Paragraphs for `--help` and docs/cli.md. */
  description?: string;
  positionals?: PositionalSpec[];
  options?: OptionSpec[];
  /** Takes `-- CMD…`. */
  acceptsRest?: boolean;
  examples?: string[];
  run(args: CommandArgs, io: CliIo): Promise<CommandOutcome>;
}
