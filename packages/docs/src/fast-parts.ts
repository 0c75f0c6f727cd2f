// The parts of parse-fast.ts that place markdown-it's inline text in the file and read what mdast
// would: front matter, the lines of a block's inline text, text runs, an image's alt, autolinks.
import type { Token } from 'markdown-it';
import type { Frontmatter } from './markdown-facts.js';
import { readFrontmatter } from './markdown-facts.js';

const closingMatter = /^---[ \t]*$/m;
const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;

/** Thrown where the inline text does not line up with the file: micromark reads the file instead. */
export class NotFast extends Error {}

/**
 * Front matter as micromark-extension-frontmatter reads it (`---` on the first line, closed by the
 * first `---` line), and the text with it blanked out: same offsets, and blank lines to markdown-it.
 */
export function splitFrontmatter(text: string): { body: string; frontmatter: Frontmatter } {
  const open = /^---[ \t]*\n/.exec(text);
  if (open === null) return { body: text, frontmatter: { kind: 'none' } };
  const from = open[0].length;
  const close = closingMatter.exec(text.slice(from));
  if (close === null) return { body: text, frontmatter: { kind: 'none' } };
  const end = from + close.index + close[0].length;
  const value = text.slice(from, from + close.index).replace(/\n$/, '');
  return { body: text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end), frontmatter: readFrontmatter(value, 1) };
}

export interface Span {
  start: number;
  end: number;
}

/** Where a line's part of a block's inline text starts in the file (FastWalk.placeLine). */
export interface LinePlacer {
  placeLine(n: number, part: string, last: boolean): number;
}

/** A block's inline text placed in the file: where each of its lines starts there. */
export class InlinePlace {
  private readonly contentStarts: number[] = [0];
  private readonly fileStarts: number[] = [];
  readonly firstLine: number;

  constructor(walk: LinePlacer, token: Token) {
    const map = token.map ?? [0, 0];
    const lines = token.content.split('\n');
    if (lines.length !== map[1] - map[0]) throw new NotFast();
    this.firstLine = map[0];
    for (const [k, line] of lines.entries()) {
      if (k > 0) this.contentStarts.push((this.contentStarts[k - 1] as number) + (lines[k - 1] as string).length + 1);
      this.fileStarts.push(walk.placeLine(map[0] + k, line, k === lines.length - 1));
    }
  }

  /** The file offset of an offset into the inline text. */
  offset(at: number): number {
    let k = this.contentStarts.length - 1;
    while (k > 0 && (this.contentStarts[k] as number) > at) k--;
    return (this.fileStarts[k] as number) + at - (this.contentStarts[k] as number);
  }
}

/** Adjacent text, line endings included, as mdast makes it one `text` node: kept when it may name a path or an @import. */
export class OpenRun {
  private value = '';
  private start = 0;
  private end = 0;

  constructor(private readonly walk: { addRun(span: Span, kind: 'text', value: string): void }) {}

  add(value: string, start: number, end: number): void {
    if (this.value === '') this.start = start;
    this.value += value;
    this.end = end;
  }

  close(): void {
    if (this.value !== '' && mayMatter.test(this.value))
      this.walk.addRun({ start: this.start, end: this.end }, 'text', this.value);
    this.value = '';
  }
}

export function spanOf(token: Token): Span {
  const map = token.map;
  if (map === null) throw new NotFast();
  return { start: map[0], end: map[1] };
}

export const escaped = /\\([!-/:-@[-`{-~])/g;
export const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** An image's alt: the text of everything inside its label, HTML and code included. */
export function altText(children: readonly Token[]): string {
  let alt = '';
  for (const child of children) {
    if (
      child.type === 'text' ||
      child.type === 'text_special' ||
      child.type === 'code_inline' ||
      child.type === 'html_inline'
    )
      alt += child.content;
    else if (child.type === 'softbreak') alt += '\n';
    else if (child.type === 'image') alt += altText(child.children ?? []);
  }
  return alt;
}

export function autolinkUrl(raw: string): string {
  const inner = raw.slice(1, -1);
  return inner.includes(':') ? inner : `mailto:${inner}`;
}
