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
  if (text.length > maxParsedLength) return `it is ${formatSize(text.length)}, over the ${formatSize(maxParsedLength)} the CommonMark parser reads`;
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
  let fence = '';
  let line = 1;
  let afterBlank = true;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (fence !== '') {
      if (text.slice(start, start + 64).trimStart().replace(/^(?:>\s*)+/, '').startsWith(fence)) fence = '';
    } else {
      const prefix = readPrefix(text, start, end, items, afterBlank);
      afterBlank = prefix.at >= end || text.slice(prefix.at, end).trim() === '';
      const open = /^(?:`{3,}|~{3,})/.exec(text.slice(prefix.at, Math.min(end, prefix.at + 16)));
      if (open !== null) fence = open[0];
      if (prefix.quotes + items.length > cap) return line;
    }
    start = end + 1;
  }
  return undefined;
}

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t\r]|$)/;

/**
 * Walks a line's container prefix: spaces and tabs, `>` markers, list markers. The open list items
 * (`items`, the column each one's content starts at) are opened by each list marker and closed by a
 * list marker left of them, or by a line left of them after a blank line (before one, the line may
 * be a lazy continuation that keeps them open).
 */
function readPrefix(text: string, start: number, end: number, items: number[], afterBlank: boolean): { at: number; quotes: number } {
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
    const marker = listMarker.exec(text.slice(at, Math.min(end, at + 12)));
    if (marker === null) break;
    close();
    items.push(column + marker[0].length + 1);
    column += marker[0].length;
    at += marker[0].length;
  }
  if (at < end && afterBlank) close();
  return { at, quotes };
}
