// Errors that stop a command from running (exit code 2). Each carries a stable
// code, the place it concerns, and the fix. Anything thrown that is not a
// HarnessError is a bug in harness and is reported as such by the CLI.

export type ErrorCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'CONFIG_PARSE'
  | 'USAGE'
  | 'TOOL_MISSING'
  | 'GIT_FAILED'
  | 'GITHUB_UNREACHABLE'
  | 'GITHUB_AUTH'
  | 'GITHUB_FORBIDDEN'
  | 'GITHUB_NOT_FOUND'
  | 'GITHUB_INVALID'
  | 'GITHUB_RATE_LIMITED'
  | 'COMPOSE_FAILED'
  | 'FILE_EXISTS'
  | 'IO_FAILED'
  | 'LOCKED'
  | 'CHECK_UNKNOWN'
  | 'INTERRUPTED'
  | 'BASELINE_INVALID';

/** Where an error points: a file and, when known, line, column and key path. */
export interface ErrorPlace {
  file: string;
  line?: number;
  column?: number;
  /** Dotted key path inside a config file, e.g. `layers.domians`. */
  key?: string;
}

export interface HarnessErrorDetails {
  /** Undefined is allowed so that one error's place and fix pass straight into another. */
  place?: ErrorPlace | undefined;
  /** What the user should do, e.g. the install command for a missing tool. */
  fix?: string | undefined;
  cause?: unknown;
}

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  readonly code: ErrorCode;
  readonly place: ErrorPlace | undefined;
  readonly fix: string | undefined;

  constructor(code: ErrorCode, message: string, details: HarnessErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.place = details.place;
    this.fix = details.fix;
  }
}

export function isHarnessError(value: unknown): value is HarnessError {
  return value instanceof HarnessError;
}

/** `file:line:column` (as far as known), the form editors and terminals link. */
export function formatPlace(place: ErrorPlace): string {
  let text = place.file;
  if (place.line !== undefined) {
    text += `:${place.line}`;
    if (place.column !== undefined) text += `:${place.column}`;
  }
  return text;
}

/** The text shown for an exit-2 error: `place: error CODE: message`, then the fix. */
export function formatHarnessError(error: HarnessError): string {
  const where = error.place ? `${formatPlace(error.place)}: ` : '';
  const fix = error.fix ? `\n  fix: ${error.fix}` : '';
  return `${where}error ${error.code}: ${error.message}${fix}`;
}
