// micromark's events (https://github.com/micromark/micromark#api) compiled straight into the facts
// the docs rules read, instead of into an mdast tree first: building the tree cost half as much
// again as tokenizing (docs/decisions.md). The meaning is mdast-util-from-markdown's, exactly: a
// text run is what it makes one `text` node, a heading's text is its nodes' text, an image's alt is
// never walked. parse-markdown.differential.test.ts holds the two to each other.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import GithubSlugger from 'github-slugger';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Point, Token } from 'micromark-util-types';
import type { Frame, OpenText } from './fact-frame.js';
import type { Counts, Piece } from './parse-pieces.js';
import { movePieceFacts } from './parse-pieces.js';
import { frame, lineEndingText, openText, span, tokenText } from './fact-frame.js';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './markdown-facts.js';
import { readFrontmatter } from './markdown-facts.js';
import * as ops from './token-ops.js';

const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;
const withoutEdgeLineEndings = /^(\r?\n|\r)|(\r?\n|\r)$/g;
const withoutLastLineEnding = /(\r?\n|\r)$/g;

/** The facts the rules read, from micromark's events for `text`, as a walk over mdast-util-from-markdown's tree finds them. */
export function compileFacts(text: string, events: readonly Event[]): ParsedMarkdown {
  return compilePieces([{ text, offset: 0, lines: 0, events }]);
}

/** The facts of a file parsed in pieces (parse-pieces.ts): each piece's, moved to where it starts. */
export function compilePieces(pieces: readonly Piece[]): ParsedMarkdown {
  const compiler = new FactCompiler(pieces[0]?.text ?? '');
  for (const piece of pieces) {
    const before = compiler.startPiece(piece.text);
    for (const event of piece.events) {
      if (event[0] === 'enter') compiler.enter(event[1]);
      else compiler.exit(event);
    }
    compiler.endPiece(before, piece);
  }
  return compiler.finish();
}

class FactCompiler {
  readonly links: Array<MarkdownLink | undefined> = [];
  readonly runs: TextRun[] = [];
  readonly headings: Heading[] = [];
  private readonly anchors = new Set<string>();
  private readonly slugger = new GithubSlugger();
  private frontmatter: Frontmatter = { kind: 'none' };
  private readonly stack: Frame[] = [frame('node', false, true)];
  private top = this.stack[0] as Frame;
  /** Image alts being read, innermost last: their text is the alt, not the page's. */
  private readonly alts: string[] = [];
  private headingText: string | undefined;
  private referenceBase = 0;
  private atHardBreak = false;
  private setextUnderline = false;
  private inFencedCode = false;
  // A token's text is the file's text at its offsets, except where micromark rewrites it: a tab
  // (split into virtual spaces), NUL (U+FFFD), a byte order mark (not counted in offsets), and a
  // token over a line ending, whose offsets also take in the next line's container prefix (`> `).
  private verbatim: boolean;

  constructor(private text: string) {
    this.verbatim = !/[\t\0\uFEFF]/.test(text);
  }

  /** Reads the next piece's events (its offsets are its own); returns how many facts came before it. */
  startPiece(text: string): Counts {
    if (text !== this.text) {
      this.text = text;
      this.verbatim = !/[\t\0\uFEFF]/.test(text);
    }
    return { links: this.links.length, runs: this.runs.length, headings: this.headings.length };
  }

  /** Moves the piece's facts to where it starts in the file. Every block closes within a piece. */
  endPiece(before: Counts, piece: Piece): void {
    this.closeText(this.top);
    movePieceFacts(this, before, piece);
  }

  enter(token: Token): void {
    const tree = this.top.tree;
    switch (ops.enterOps.get(token.type)) {
      case ops.PHRASING:
        this.push(frame('node', true, tree));
        break;
      case ops.HEADING:
        this.push(frame('node', true, tree));
        this.headingText = '';
        break;
      case ops.LINK:
      case ops.IMAGE:
      case ops.DEFINITION: {
        const kind = token.type === 'image' ? 'image' : token.type === 'definition' ? 'definition' : 'link';
        const link = this.addLink(kind, token);
        this.push(frame(kind === 'image' ? 'image' : 'node', false, tree)).link = link;
        break;
      }
      case ops.LABEL:
        if (this.top.kind === 'image') {
          this.alts.push('');
          this.push(frame('imageLabel', true, false));
        } else this.push(frame('node', true, tree));
        break;
      case ops.CODE_WITH_VALUE:
      case ops.NODE_WITH_VALUE:
        this.push(frame('node', false, tree));
        this.push(frame('buffer', true, false));
        break;
      case ops.CODE: // its buffer opens where its opening fence ends
      case ops.LEAF:
        this.push(frame('node', false, tree));
        break;
      case ops.BUFFER:
        this.push(frame('buffer', true, false));
        break;
      case ops.TEXT_START:
        this.textStart(token);
        break;
    }
  }

  exit(event: Event): void {
    const op = ops.exitOps.get(event[1].type);
    if (op === undefined) return;
    if (op >= ops.DATA && op <= ops.LINE_ENDING) this.exitText(event, op);
    else this.exitNode(event[1], op);
  }

  finish(): ParsedMarkdown {
    while (this.stack.length > 1) this.pop();
    this.closeText(this.top);
    return {
      links: this.links.filter((l) => l !== undefined),
      runs: this.runs,
      headings: this.headings,
      anchors: this.anchors,
      frontmatter: this.frontmatter,
    };
  }

  /** Tokens whose text is the page's (or a buffer's). */
  private exitText(event: Event, op: number): void {
    const token = event[1];
    switch (op) {
      case ops.DATA:
        this.textStart(token);
        this.textAdd(tokenText(this.text, this.verbatim, event), token.end);
        break;
      case ops.AUTOLINK_TARGET: {
        const value = tokenText(this.text, this.verbatim, event);
        this.textStart(token);
        this.textAdd(value, token.end);
        if (this.top.link !== undefined) this.top.link.url = token.type === 'autolinkEmail' ? `mailto:${value}` : value;
        break;
      }
      case ops.ESCAPED:
        this.textAdd(tokenText(this.text, this.verbatim, event), token.end);
        break;
      case ops.REFERENCE_DECIMAL:
      case ops.REFERENCE_HEXADECIMAL:
        this.referenceBase = op === ops.REFERENCE_DECIMAL ? 10 : 16;
        break;
      case ops.REFERENCE_VALUE: {
        const raw = tokenText(this.text, this.verbatim, event);
        this.textAdd(
          this.referenceBase === 0
            ? (decodeNamedCharacterReference(raw) as string)
            : decodeNumericCharacterReference(raw, this.referenceBase),
          undefined,
        );
        this.referenceBase = 0;
        break;
      }
      case ops.REFERENCE_END:
        if (this.top.text !== undefined) this.top.text.end = token.end.offset;
        break;
      case ops.LINE_ENDING:
        // A hard break takes the line ending after it; a setext heading's underline is not its text.
        if (this.atHardBreak) this.atHardBreak = false;
        else if (!this.setextUnderline && this.top.eol) {
          this.textStart(token);
          this.textAdd(lineEndingText(this.text, this.verbatim, event), token.end);
        }
        break;
    }
  }

  /** Tokens that end a node or a buffer. */
  private exitNode(token: Token, op: number): void {
    switch (op) {
      case ops.POP:
        this.pop();
        break;
      case ops.HARD_BREAK:
        this.pop();
        this.atHardBreak = true;
        break;
      case ops.SETEXT_TEXT:
        this.setextUnderline = true;
        break;
      case ops.HEADING:
        this.endHeading(token);
        break;
      case ops.LABEL:
        if (this.pop().kind === 'imageLabel') this.shown(this.alts.pop() ?? '', false);
        break;
      case ops.RESOURCE:
        this.top.resource = true;
        break;
      case ops.DESTINATION: {
        const url = this.pop().value;
        if (this.top.link !== undefined) this.top.link.url = url;
        break;
      }
      case ops.LINK: {
        // Without a destination it is a reference: its definition is the link that counts.
        const f = this.pop();
        if (f.link !== undefined && !f.resource) this.links[this.links.lastIndexOf(f.link)] = undefined;
        break;
      }
      case ops.INFO: {
        const info = this.pop().value;
        this.top.lang = info;
        break;
      }
      case ops.FENCE:
        // The opening fence ends where the code starts; the closing fence is inside the code's buffer.
        if (!this.inFencedCode) {
          this.inFencedCode = true;
          this.push(frame('buffer', true, false));
        }
        break;
      default:
        this.endValueNode(token, op);
    }
  }

  /** Code blocks, code spans, HTML and front matter: nodes whose value is their buffer's text. */
  private endValueNode(token: Token, op: number): void {
    const value = this.pop().value;
    const node = this.pop();
    if (op === ops.CODE) {
      const code = value.replace(token.type === 'codeFenced' ? withoutEdgeLineEndings : withoutLastLineEnding, '');
      if (node.tree)
        this.runs.push({
          ...span(token.start, token.end),
          value: code,
          kind: 'block',
          ...(node.lang ? { lang: node.lang } : {}),
        });
      this.inFencedCode = false;
    } else if (op === ops.CODE_WITH_VALUE) {
      if (node.tree) this.runs.push({ ...span(token.start, token.end), value, kind: 'code' });
      this.shown(value, false);
    } else if (op === ops.NODE_WITH_VALUE) {
      if (node.tree) for (const m of value.matchAll(htmlAnchor)) if (m[1] !== undefined) this.anchors.add(m[1]);
      this.shown(value, true);
    } else if (op === ops.YAML) {
      this.frontmatter = readFrontmatter(value.replace(withoutEdgeLineEndings, ''), token.start.line);
    }
  }

  private endHeading(token: Token): void {
    const heading = this.pop();
    const text = this.headingText ?? '';
    const slug = this.slugger.slug(text);
    if (heading.tree) {
      this.headings.push({ text, slug, line: token.start.line });
      this.anchors.add(slug);
    }
    this.headingText = undefined;
    this.setextUnderline = false;
  }

  private push(f: Frame): Frame {
    // A new node ends the text its parent was building; a buffer is not a child, but no buffer opens beside text.
    this.closeText(this.top);
    this.stack.push(f);
    this.top = f;
    return f;
  }

  private pop(): Frame {
    const f = this.stack.pop() as Frame;
    this.closeText(f);
    this.top = this.stack[this.stack.length - 1] as Frame;
    return f;
  }

  private closeText(f: Frame): void {
    const t = f.text;
    if (t === undefined) return;
    f.text = undefined;
    if (f.tree && mayMatter.test(t.value))
      this.runs.push({ line: t.line, column: t.column, start: t.start, end: t.end, value: t.value, kind: 'text' });
  }

  /** Text a heading or an alt shows: an alt takes everything inside it, a heading all but HTML. */
  private shown(value: string, html: boolean): void {
    if (this.alts.length > 0) this.alts[this.alts.length - 1] += value;
    else if (this.headingText !== undefined && !html) this.headingText += value;
  }

  private textStart(token: Token): void {
    if (this.top.kind === 'buffer' || this.top.text !== undefined) return;
    this.top.text = openText(token.start);
  }

  private textAdd(value: string, end: Point | undefined): void {
    const top = this.top;
    if (top.kind === 'buffer') {
      top.value += value;
      return;
    }
    const t = top.text as OpenText;
    t.value += value;
    if (end !== undefined) t.end = end.offset;
    this.shown(value, false);
  }

  private addLink(kind: MarkdownLink['kind'], token: Token): MarkdownLink | undefined {
    if (!this.top.tree) return undefined;
    const link: MarkdownLink = { ...span(token.start, token.end), url: '', kind };
    this.links.push(link);
    return link;
  }
}
