// How much a markdown file may ask of the full parser. micromark's time and memory grow with what a
// file holds, not only its size: a list of links costs about ten times what prose does per byte,
// and every line re-checks each container it is nested in, so 1,000 nested list levels took 11 s
// and 10,000 never ended; a 20 MB file of links took 44 s and 4.4 GB. Parsers that take untrusted
// input cap nesting (markdown-it's CommonMark preset at 20, commonmark-java at 100 open blocks,
// treating deeper input as text); this one caps both, and a file over either cap is read by the
// line scanner (scan-markdown-lines.ts) instead, with a note that says so. bench/docs/pathological.ts
// measures the inputs above.

/** Files longer than this (UTF-16 code units, at most their UTF-8 bytes) are scanned, not parsed. */
export const maxParsedLength = 128 * 1024;
/** Block containers (list items, block quotes) a line may be nested in and still be parsed. */
export const maxNesting = 32;

/** Why the full parser must not read `text` (for the note), or undefined when it may. */
export function whyNotParsed(text: string): string | undefined {
  if (text.length > maxParsedLength)
    return `it is ${formatSize(text.length)}, over the ${formatSize(maxParsedLength)} the CommonMark parser reads`;
  const deep = deepNesting(text, maxNesting);
  if (deep !== undefined) return `line ${deep} is nested more than ${maxNesting} lists or block quotes deep`;
  return undefined;
}

function formatSize(length: number): string {
  return length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1)} MB` : `${Math.round(length / 1024)} KB`;
}

const space = 32;
const tab = 9;
const quote = 62; // >

/**
 * The first line nested in more than `cap` block containers, or undefined. A linear pre-scan of
 * each line's start: block quote markers, list markers, and the indentation that keeps a line in
 * the list items above it (each open item is the column its content starts at). Fenced code is
 * skipped. It errs towards more depth, never less: a false alarm costs a full parse, never a hang.
 */
export function deepNesting(text: string, cap: number): number | undefined {
  const items: number[] = [];
  let fence = 0; // the fence's character code while in fenced code
  let line = 1;
  let afterBlank = true;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (fence !== 0) {
      if (closesFence(text, start, end, fence)) fence = 0;
    } else {
      const prefix = readPrefix(text, start, end, items, afterBlank);
      const c = text.charCodeAt(prefix.at);
      afterBlank = prefix.at >= end || (c === carriageReturn && prefix.at + 1 >= end);
      if (
        (c === backtick || c === tilde) &&
        text.charCodeAt(prefix.at + 1) === c &&
        text.charCodeAt(prefix.at + 2) === c
      )
        fence = c;
      if (prefix.quotes + items.length > cap) return line;
    }
    start = end + 1;
  }
  return undefined;
}

const carriageReturn = 13;
const backtick = 96;
const tilde = 126;

/** Whether a line in fenced code closes it: after its container prefix, three of the fence's character. */
function closesFence(text: string, start: number, end: number, fence: number): boolean {
  let at = start;
  while (
    at < end &&
    at < start + 64 &&
    (text.charCodeAt(at) === space || text.charCodeAt(at) === tab || text.charCodeAt(at) === quote)
  )
    at++;
  return text.charCodeAt(at) === fence && text.charCodeAt(at + 1) === fence && text.charCodeAt(at + 2) === fence;
}

/** The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, a tab or the line's end at `at`, or 0. */
function markerLength(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  let length = 0;
  if (c === 45 || c === 42 || c === 43) length = 1;
  else {
    let digits = 0;
    while (digits < 10 && text.charCodeAt(at + digits) >= 48 && text.charCodeAt(at + digits) <= 57) digits++;
    const after = text.charCodeAt(at + digits);
    if (digits === 0 || digits > 9 || (after !== 46 && after !== 41)) return 0;
    length = digits + 1;
  }
  const next = text.charCodeAt(at + length);
  return at + length >= end || next === space || next === tab || next === carriageReturn ? length : 0;
}

/**
 * Walks a line's container prefix: spaces and tabs, `>` markers, list markers. The open list items
 * (`items`, the column each one's content starts at) are opened by each list marker and closed by a
 * list marker left of them, or by a line left of them after a blank line (before one, the line may
 * be a lazy continuation that keeps them open).
 */
function readPrefix(
  text: string,
  start: number,
  end: number,
  items: number[],
  afterBlank: boolean,
): { at: number; quotes: number } {
  let at = start;
  let column = 0;
  let quotes = 0;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    while (items.length > 0 && column < (items[items.length - 1] as number)) items.pop();
  };
  while (at < end) {
    const c = text.charCodeAt(at);
    if (c === space || c === tab) {
      column += c === tab ? 4 - (column % 4) : 1;
      at++;
      continue;
    }
    if (c === quote) {
      quotes++;
      column++;
      at++;
      continue;
    }
    const marker = markerLength(text, at, end);
    if (marker === 0) break;
    close();
    items.push(column + marker + 1);
    column += marker;
    at += marker;
  }
  if (at < end && afterBlank) close();
  return { at, quotes };
}
