// A tsconfig that cannot be read makes every import it decides unresolvable, so the graph could
// not be trusted: it is a config error (exit 2) naming the file, the line and the fix. tsconfig
// files are JSONC, as TypeScript reads them: comments and trailing commas are valid.
import { HarnessError } from 'agent-harness-diagnostics';

/** Throws CONFIG_INVALID when `text` (the tsconfig at repository path `file`) is not valid JSONC. */
export function checkTsconfigText(file: string, text: string): void {
  const strict = toStrictJson(text);
  // TypeScript reads an empty tsconfig (or one of comments only) as `{}`.
  if (strict.trim() === '') return;
  try {
    JSON.parse(strict);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const at = /\(line (\d+) column (\d+)\)/.exec(message);
    const line = at === null ? (/end of JSON input/.test(message) ? lineCount(text) : undefined) : Number(at[1]);
    throw new HarnessError(
      'CONFIG_INVALID',
      `${file} is not valid JSON: ${message.replace(/ in JSON at position.*$/, '').replace(/, ".*" is not valid JSON$/s, '')}`,
      {
        place: { file, ...(line === undefined ? {} : { line }), ...(at === null ? {} : { column: Number(at[2]) }) },
        fix: `Fix the syntax of ${file} (\`npx tsc -p ${file} --noEmit\` shows the same error), or add it to layers.ignore if no checked file uses it.`,
        cause,
      },
    );
  }
}

/** The error for a tsconfig whose `extends` chain cannot be followed (a missing file, a cycle). */
export function tsconfigExtendsError(file: string, text: string, cause: unknown): HarnessError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const line = lineOf(text, /"extends"\s*:/);
  const target = /"extends"\s*:\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])/.exec(text)?.[1] ?? 'its extends target';
  return new HarnessError('CONFIG_INVALID', `${file} extends ${target}, which cannot be read: ${reason}`, {
    place: { file, ...(line === undefined ? {} : { line }) },
    fix: `Point "extends" in ${file} at an existing tsconfig that does not extend ${file} back (install the package it names if it is one), then run again.`,
    cause,
  });
}

/**
 * The same text with comments and trailing commas turned into spaces: offsets, lines and columns
 * stay where they were, so JSON.parse's error position is the position in the file.
 */
function toStrictJson(text: string): string {
  const out = [...(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text)];
  let lastComma = -1;
  let previous = '';
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    const end = skipStringOrComment(out, i);
    if (end !== undefined) {
      if (c === '"') lastComma = -1;
      i = end;
    } else if (c === ',') {
      // `,,` stays: only a single comma before `}` or `]` is a trailing comma.
      lastComma = previous === ',' ? -1 : i;
    } else if ((c === '}' || c === ']') && lastComma !== -1) {
      out[lastComma] = ' ';
      lastComma = -1;
    } else if (c !== undefined && !/\s/.test(c)) {
      lastComma = -1;
    }
    if (c !== undefined && !/\s/.test(out[i] ?? ' ')) previous = c;
  }
  return out.join('');
}

/**
 * Where a string (its closing quote) or a comment (blanked, newlines kept) that starts at `start`
 * ends; undefined when none starts there.
 */
function skipStringOrComment(out: string[], start: number): number | undefined {
  let i = start;
  if (out[i] === '"') {
    for (i++; i < out.length && out[i] !== '"' && out[i] !== '\n'; i++) if (out[i] === '\\') i++;
    return i;
  }
  if (out[i] === '/' && out[i + 1] === '/') {
    for (; i < out.length && out[i] !== '\n'; i++) out[i] = ' ';
    return i;
  }
  if (out[i] === '/' && out[i + 1] === '*') {
    for (i += 2; i < out.length && !(out[i] === '*' && out[i + 1] === '/'); i++);
    for (let j = start; j <= Math.min(i + 1, out.length - 1); j++) if (out[j] !== '\n') out[j] = ' ';
    return i + 1;
  }
  return undefined;
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match === null ? undefined : lineCount(text.slice(0, match.index + 1));
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
