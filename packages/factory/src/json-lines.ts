// Newline-delimited JSON, as the agent protocols speak it (https://jsonlines.org).

/** Splits a stream of chunks into lines (a line split across chunks is kept whole); the last unterminated line is flushed. */
export function lineReader(onLine: (line: string) => void): { push: (chunk: string) => void; flush: () => void } {
  let rest = '';
  return {
    push(chunk) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') onLine(line);
    },
    flush() {
      if (rest.trim() !== '') onLine(rest);
      rest = '';
    },
  };
}

/** A JSON object from one line, or why not. */
export function parseJsonLine(line: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `a line is not JSON: ${line.slice(0, 120)}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `a line is not a JSON object: ${line.slice(0, 120)}`;
  return value as Record<string, unknown>;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
