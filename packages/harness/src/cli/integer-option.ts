// Whole-number options (`--runs 3`, `--timeout 300`, `--status-port 0`): anything else is a usage
// error (exit 2) that names the option and gives an example, never NaN handed to a library.
import { HarnessError } from 'agent-harness-diagnostics';
import type { CommandArgs } from '../command-spec.js';

export interface IntegerLimits {
  /** The smallest value accepted (default 0: the library judges the range). */
  min?: number;
  /** The largest value accepted (default: none). */
  max?: number;
  /** What the number counts, for the message: `seconds`. */
  unit?: string;
  /** A value to show in the fix. */
  example: number;
}

/** The option's value as a number; undefined when the option is absent. */
export function integerOption(args: CommandArgs, name: string, limits: IntegerLimits): number | undefined {
  const text = args.options[name];
  if (text === undefined) return undefined;
  const { min = 0, max } = limits;
  const value = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max)) return value;
  const unit = limits.unit === undefined ? '' : ` of ${limits.unit}`;
  const range = max !== undefined ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : '';
  throw new HarnessError('USAGE', `--${name} takes a whole number${unit}${range}, not "${String(text)}"`, {
    fix: `For example --${name} ${limits.example}.`,
  });
}
