// A markdown file parsed in pieces, to the same events a parse of the whole file gives each piece.
// micromark's time grows faster than a file's length: after tokenizing it splices and walks the
// whole file's events again, level by level (a 100 KB spec took 80 ms whole and 49 ms in pieces;
// the real-shaped benchmark's 1,338 files 7 s of CPU whole and 3.7 s in pieces; docs/decisions.md).
//
// A piece ends before a line that starts at column 0 with a character other than a space or tab and
// follows a blank line. There CommonMark has closed every block that does not run on through blank
// lines: a paragraph ends at a blank line, and a list item, indented code or a block quote does not
// take an unindented line after one. What may still be open is fenced code and an HTML block of
// kinds 1–5 (they end only at their closing line), and front matter. So:
// - each piece but the last is checked: a fenced code or HTML block that runs to the piece's end
//   is still open there, and the rest of the file is parsed as one piece;
// - front matter is only read on a file's first line, so only the first piece reads it, and the
//   first piece runs at least to the first line that may close it (`---`, spaces);
// - link reference definitions (and footnote definitions) name targets for the whole file, so a
//   file with `]:` anywhere is parsed whole; so is one with a byte order mark or a lone `\r` line
//   ending (whose offsets and lines the pieces would count otherwise).
// parse-pieces.test.ts holds the facts of pieces to those of the whole file.
import type { Event, ParseOptions } from 'micromark-util-types';
import type { Heading, MarkdownLink, TextRun } from './markdown-facts.js';

export interface Piece {
  text: string;
  /** Where the piece starts in the file: its offset and the lines before it. */
  offset: number;
  lines: number;
  events: readonly Event[];
}

/** How many facts of each kind the pieces before this one gave. */
export interface Counts {
  links: number;
  runs: number;
  headings: number;
}

/** Moves the facts a piece gave (those past `before`) from the piece's offsets and lines to the file's. */
export function movePieceFacts(
  facts: { links: ReadonlyArray<MarkdownLink | undefined>; runs: readonly TextRun[]; headings: readonly Heading[] },
  before: Counts,
  piece: Piece,
): void {
  if (piece.offset === 0 && piece.lines === 0) return;
  for (const list of [facts.links.slice(before.links), facts.runs.slice(before.runs)])
    for (const fact of list) {
      if (fact === undefined) continue;
      fact.line += piece.lines;
      fact.start += piece.offset;
      fact.end += piece.offset;
    }
  for (const heading of facts.headings.slice(before.headings)) heading.line += piece.lines;
}

/** A piece is at least this long (UTF-16 code units) unless the file ends: smaller ones gain nothing. */
export const minPieceLength = 2048;

const fenceOrHtml = new Set(['codeFenced', 'htmlFlow']);
const blankLine = /^[ \t]*\r?$/;
const closingMatter = /^---[ \t]*\r?$/;

interface Cut {
  /** Where the next piece starts. */
  at: number;
  /** Where the blank lines before it start: a block that reaches past here is still open. */
  blankFrom: number;
}

/**
 * Where pieces of `text` may start after the first, each piece at least `minLength` long; none
 * when the file must be parsed whole (see above).
 */
export function pieceCuts(text: string, minLength: number): Cut[] {
  if (text.includes(']:') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return [];
  let from = 0;
  const cuts: Cut[] = [];
  let lineStart = 0;
  let blankFrom = -1;
  let matterOpen = text.startsWith('---');
  for (let n = 0; lineStart < text.length; n++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (blankLine.test(line)) {
      if (blankFrom === -1) blankFrom = lineStart;
    } else {
      const first = line.charCodeAt(0);
      if (blankFrom !== -1 && !matterOpen && first !== 32 && first !== 9 && lineStart - from >= minLength) {
        cuts.push({ at: lineStart, blankFrom });
        from = lineStart;
      }
      blankFrom = -1;
      if (matterOpen && n > 0 && closingMatter.test(line)) matterOpen = false;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  // Front matter never closed is no front matter, but a file that is mostly one is left whole.
  return matterOpen ? [] : cuts;
}

/**
 * micromark's events for `text`, piece by piece: `tokenize` parses a piece with the given options,
 * `options` are the whole file's, and `later` the same without front matter, for every piece but
 * the first.
 */
export function parsePieces(
  text: string,
  tokenize: (piece: string, options: ParseOptions) => Event[],
  options: ParseOptions,
  later: ParseOptions,
  minLength = minPieceLength,
): Piece[] {
  const cuts = pieceCuts(text, minLength);
  const pieces: Piece[] = [];
  let offset = 0;
  let lines = 0;
  for (let i = 0; i <= cuts.length; i++) {
    const cut = cuts[i];
    const end = cut?.at ?? text.length;
    const pieceText = text.slice(offset, end);
    const events = tokenize(pieceText, i === 0 ? options : later);
    if (cut !== undefined && leftOpen(events, cut.blankFrom - offset)) {
      // Fenced code or an HTML block runs on past the blank line: the rest is one piece.
      const rest = offset === 0 ? text : text.slice(offset);
      pieces.push({ text: rest, offset, lines, events: tokenize(rest, i === 0 ? options : later) });
      return pieces;
    }
    pieces.push({ text: pieceText, offset, lines, events });
    lines += countNewlines(pieceText);
    offset = end;
  }
  return pieces;
}

/** Whether a fenced code or HTML block in `events` reaches past `blankFrom` (it is still open). */
function leftOpen(events: readonly Event[], blankFrom: number): boolean {
  for (const [kind, token] of events)
    if (kind === 'enter' && token.end.offset > blankFrom && fenceOrHtml.has(token.type)) return true;
  return false;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
