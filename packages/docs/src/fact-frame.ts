// The stack compile-facts.ts keeps while it reads micromark's events: what mdast-util-from-markdown
// would have on its own stack, and the text of a token as mdast reads it.
import type { Event, Point } from 'micromark-util-types';
import type { MarkdownLink, SourceSpan } from './markdown-facts.js';

/** An mdast `text` node being built: adjacent text within one parent is one node. */
export interface OpenText extends SourceSpan {
  value: string;
}

/** A node, a buffer, and the two an image's alt needs told apart: the image and its label. */
type FrameKind = 'node' | 'buffer' | 'image' | 'imageLabel';

/**
 * What mdast would have on its stack: a node whose children may be text, or a buffer (a URL, an
 * info string, a code value) that mdast reads back as one string.
 */
export interface Frame {
  kind: FrameKind;
  /** The text of a buffer. */
  value: string;
  /** Whether line endings become text here (mdast's `canContainEols`: paragraphs, headings, emphasis, buffers). */
  eol: boolean;
  /** Whether its nodes are in the tree: everything but an image's alt. */
  tree: boolean;
  text: OpenText | undefined;
  /** A link, image or definition's entry in `links`, filled in when its destination is read. */
  link: MarkdownLink | undefined;
  /** A link or image with a `(destination)`; without one it is a reference, which its definition stands for. */
  resource: boolean;
  lang: string | undefined;
}

export const span = (start: Point, end: Point): SourceSpan => ({
  line: start.line,
  column: start.column,
  start: start.offset,
  end: end.offset,
});
export const frame = (kind: FrameKind, eol: boolean, tree: boolean): Frame => ({
  kind,
  value: '',
  eol,
  tree,
  text: undefined,
  link: undefined,
  resource: false,
  lang: undefined,
});

/** A text node that starts at `start`, empty so far. */
export const openText = (start: Point): OpenText => ({
  value: '',
  line: start.line,
  column: start.column,
  start: start.offset,
  end: start.offset,
});

/**
 * A token's text: the file's text at its offsets when the file is verbatim (no tab, NUL or byte
 * order mark) and the token is on one line, otherwise micromark's own serialization.
 */
export function tokenText(text: string, verbatim: boolean, event: Event): string {
  const token = event[1];
  return verbatim && token.start.line === token.end.line
    ? text.slice(token.start.offset, token.end.offset)
    : event[2].sliceSerialize(token);
}

/** A line ending token's text: `\n`, `\r\n` or `\r`. */
export function lineEndingText(text: string, verbatim: boolean, event: Event): string {
  if (!verbatim) return event[2].sliceSerialize(event[1]);
  const at = event[1].start.offset;
  return text.charCodeAt(at) !== 13 ? '\n' : text.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
}
