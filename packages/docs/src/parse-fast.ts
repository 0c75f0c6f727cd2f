// The fast path of parse-markdown.ts: a file parsed with markdown-it, about ten times as fast as
// micromark, to the same facts a walk over mdast-util-from-markdown's tree gives. Inline tokens
// carry offsets into their block's inline text (fast-tokens.ts); each line of that text is a line
// of the file less its container prefix (`> `, a list item's indent), so an offset becomes the
// file's line, column and offset (fast-parts.ts). Front matter is read as micromark's extension
// reads it and blanked out for markdown-it. Whatever this path does not read exactly as micromark
// does is left to micromark, for the whole file (`fastFacts` returns undefined): tabs, CR and NUL
// (which both parsers rewrite), a byte order mark, footnotes and reference definitions (an
// extension and link references), character references, the link schemes markdown-it refuses,
// indented code and unclosed fences (whose mdast positions are not worth copying here), and any
// inline text that does not line up with the file. The differential tests hold it to micromark on
// the CommonMark spec, this repository's markdown and the findings on a generated tree.
import GithubSlugger from 'github-slugger';
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { createPositionedParser } from './fast-tokens.js';
import type { LinePlacer, Span } from './fast-parts.js';
import {
  altText,
  autolinkUrl,
  escaped,
  InlinePlace,
  isAsciiSpace,
  NotFast,
  OpenRun,
  spanOf,
  splitFrontmatter,
} from './fast-parts.js';
import type { Heading, MarkdownLink, ParsedMarkdown, TextRun } from './markdown-facts.js';

const leftToMicromark = /[\t\r\0\uFEFF]|\[\^|\]:|&[#A-Za-z]|[(<][ \n]*(?:javascript|vbscript|file|data):/i;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;

let parser: MarkdownIt | undefined;

/** The facts of `text` by markdown-it, or undefined when micromark must read it. */
export function fastFacts(text: string): ParsedMarkdown | undefined {
  if (leftToMicromark.test(text)) return undefined;
  parser ??= createPositionedParser();
  const { body, frontmatter } = splitFrontmatter(text);
  try {
    return { ...new FastWalk(body).walk(parser.parse(body, {})), frontmatter };
  } catch (error) {
    if (error instanceof NotFast) return undefined;
    throw error;
  }
}

class FastWalk implements LinePlacer {
  private readonly lineStarts: number[] = [0];
  private readonly links: MarkdownLink[] = [];
  private readonly runs: TextRun[] = [];
  private readonly headings: Heading[] = [];
  private readonly anchors = new Set<string>();
  private readonly slugger = new GithubSlugger();

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  walk(tokens: readonly Token[]): ParsedMarkdown {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      switch (token.type) {
        case 'heading_open': {
          const inline = tokens[i + 1] as Token;
          const text = this.inline(inline);
          const slug = this.slugger.slug(text);
          this.headings.push({ text, slug, line: (token.map?.[0] ?? 0) + 1 });
          this.anchors.add(slug);
          i++;
          break;
        }
        case 'inline':
          this.inline(token);
          break;
        case 'fence':
          this.fence(token);
          break;
        case 'code_block':
          throw new NotFast();
        case 'html_block':
          this.html(token.content);
          break;
      }
    }
    return {
      links: this.links,
      runs: this.runs,
      headings: this.headings,
      anchors: this.anchors,
      frontmatter: { kind: 'none' },
    };
  }

  /** Where line `n`'s part `part` starts in the file: it ends the line, or, the block's last, ends before its trailing spaces. */
  placeLine(n: number, part: string, last: boolean): number {
    const lineStart = this.lineStarts[n];
    if (lineStart === undefined) throw new NotFast();
    const next = this.lineStarts[n + 1];
    let lineEnd = next === undefined ? this.text.length : next - 1;
    if (last) while (lineEnd > lineStart && isAsciiSpace(this.text.charCodeAt(lineEnd - 1))) lineEnd--;
    const at = lineEnd - part.length;
    if (at >= lineStart && this.text.startsWith(part, at)) return at;
    // An ATX heading's closing #s: the text is found once on its line, or not at all.
    const line = this.text.slice(lineStart, lineEnd);
    const found = line.indexOf(part);
    if (part === '' || found === -1 || found !== line.lastIndexOf(part)) throw new NotFast();
    return lineStart + found;
  }

  /** Reads a block's inline tokens; returns the text a heading shows (its nodes' text, HTML left out). */
  private inline(token: Token): string {
    const place = new InlinePlace(this, token);
    const run = new OpenRun(this);
    let shown = '';
    for (const child of token.children ?? []) {
      const span = spanOf(child);
      switch (child.type) {
        case 'text':
        case 'text_special':
          shown += child.content;
          if (child.content !== '') run.add(child.content, place.offset(span.start), place.offset(span.end));
          break;
        case 'softbreak': {
          shown += '\n';
          const at = place.offset(span.start);
          run.add('\n', at, at + 1);
          break;
        }
        case 'code_inline':
          run.close();
          shown += this.codeSpan(child, place, span);
          break;
        case 'html_inline':
          run.close();
          this.html(child.content);
          break;
        case 'link_open':
          run.close();
          this.link(child, place, span, 'link');
          break;
        case 'image':
          run.close();
          shown += this.image(child, place, span);
          break;
        default:
          run.close();
      }
    }
    run.close();
    return shown;
  }

  /** Records an image; returns its alt. */
  private image(token: Token, place: InlinePlace, span: Span): string {
    // markdown-it turns a code span's line endings into spaces; an alt keeps them (mdast).
    if (token.children?.some((c) => c.type === 'code_inline') && this.slice(place, span).includes('\n'))
      throw new NotFast();
    this.link(token, place, span, 'image');
    return altText(token.children ?? []);
  }

  private link(token: Token, place: InlinePlace, span: Span, kind: 'link' | 'image'): void {
    const meta = token.meta as { url: string } | null;
    const url = meta?.url ?? autolinkUrl(this.slice(place, span));
    this.links.push({ ...this.at(place.offset(span.start)), end: place.offset(span.end), url, kind });
  }

  /** Records a code span; returns its value. */
  private codeSpan(token: Token, place: InlinePlace, span: Span): string {
    const raw = this.slice(place, span);
    // micromark keeps a lazy line's indent in a code span that markdown-it's block text has dropped.
    if (raw.includes('\n')) this.noIndentDropped(place, span, raw);
    const fence = token.markup.length;
    let value = raw.slice(fence, raw.length - fence);
    if (/^[ \n]/.test(value) && /[ \n]$/.test(value) && /[^ \n]/.test(value)) value = value.slice(1, -1);
    this.addRun({ start: place.offset(span.start), end: place.offset(span.end) }, 'code', value);
    return value;
  }

  /** Throws when a line the span runs onto starts after spaces in the file. */
  private noIndentDropped(place: InlinePlace, span: Span, raw: string): void {
    for (let j = raw.indexOf('\n'); j !== -1; j = raw.indexOf('\n', j + 1))
      if (this.text[place.offset(span.start + j + 1) - 1] === ' ') throw new NotFast();
  }

  private fence(token: Token): void {
    const [first, next] = token.map ?? [0, 0];
    // Closed when the lines between the fences are all its content (one line ending each).
    let contentLines = 0;
    for (let at = token.content.indexOf('\n'); at !== -1; at = token.content.indexOf('\n', at + 1)) contentLines++;
    const closed = next - first - 2 === contentLines;
    const marker = token.markup;
    const open = this.lineText(first).indexOf(marker);
    if (!closed || open === -1) throw new NotFast();
    const start = (this.lineStarts[first] as number) + open;
    const end = (this.lineStarts[next - 1] as number) + this.lineText(next - 1).length;
    const lang = (token.info.trim().split(/\s+/)[0] ?? '').replace(escaped, '$1');
    this.runs.push({
      ...this.at(start),
      end,
      value: token.content.replace(/\n$/, ''),
      kind: 'block',
      ...(lang === '' ? {} : { lang }),
    });
  }

  private html(value: string): void {
    for (const m of value.matchAll(htmlAnchor)) if (m[1] !== undefined) this.anchors.add(m[1]);
  }

  addRun(span: Span, kind: 'text' | 'code', value: string): void {
    this.runs.push({ ...this.at(span.start), end: span.end, value, kind });
  }

  /** Line, column and offset of a file offset. */
  private at(offset: number): { line: number; column: number; start: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1, start: offset };
  }

  private lineText(n: number): string {
    const start = this.lineStarts[n] ?? this.text.length;
    const next = this.lineStarts[n + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  /** The inline text of a span, as the block's lines hold it (container prefixes left out). */
  private slice(place: InlinePlace, span: Span): string {
    // Spans are short: map each end and join the lines between, dropping each line's prefix.
    let out = '';
    let at = span.start;
    while (at < span.end) {
      const from = place.offset(at);
      const newline = this.text.indexOf('\n', from);
      const stop = Math.min(span.end, at + (newline === -1 ? this.text.length : newline) - from);
      out += this.text.slice(from, from + stop - at);
      at = stop;
      if (at < span.end) {
        out += '\n';
        at++;
      }
    }
    return out;
  }
}
