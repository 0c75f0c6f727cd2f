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
import { frame, lineEndingText, openText, span, tokenText } from './fact-frame.js';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './markdown-facts.js';
import { readFrontmatter } from './markdown-facts.js';
import {
  AUTOLINK_TARGET,
  BUFFER,
  CODE,
  CODE_WITH_VALUE,
  DATA,
  DEFINITION,
  DESTINATION,
  ESCAPED,
  enterOps,
  exitOps,
  FENCE,
  HARD_BREAK,
  HEADING,
  IMAGE,
  INFO,
  LABEL,
  LEAF,
  LINE_ENDING,
  LINK,
  NODE_WITH_VALUE,
  PHRASING,
  POP,
  REFERENCE_DECIMAL,
  REFERENCE_END,
  REFERENCE_HEXADECIMAL,
  REFERENCE_VALUE,
  RESOURCE,
  SETEXT_TEXT,
  TEXT_START,
  YAML,
} from './token-ops.js';

const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;
const withoutEdgeLineEndings = /^(\r?\n|\r)|(\r?\n|\r)$/g;
const withoutLastLineEnding = /(\r?\n|\r)$/g;

/** The facts the rules read, from micromark's events for `text`, as a walk over mdast-util-from-markdown's tree finds them. */
export function compileFacts(text: string, events: readonly Event[]): ParsedMarkdown {
  const compiler = new FactCompiler(text);
  for (const event of events) {
    if (event[0] === 'enter') compiler.enter(event[1]);
    else compiler.exit(event);
  }
  return compiler.finish();
}

class FactCompiler {
  private readonly links: Array<MarkdownLink | undefined> = [];
  private readonly runs: TextRun[] = [];
  private readonly headings: Heading[] = [];
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
  private readonly verbatim: boolean;

  constructor(private readonly text: string) {
    this.verbatim = !/[\t\0\uFEFF]/.test(text);
  }

  enter(token: Token): void {
    const tree = this.top.tree;
    switch (enterOps.get(token.type)) {
      case PHRASING:
        this.push(frame('node', true, tree));
        break;
      case HEADING:
        this.push(frame('node', true, tree));
        this.headingText = '';
        break;
      case LINK:
      case IMAGE:
      case DEFINITION: {
        const kind = token.type === 'image' ? 'image' : token.type === 'definition' ? 'definition' : 'link';
        const link = this.addLink(kind, token);
        this.push(frame(kind === 'image' ? 'image' : 'node', false, tree)).link = link;
        break;
      }
      case LABEL:
        if (this.top.kind === 'image') {
          this.alts.push('');
          this.push(frame('imageLabel', true, false));
        } else this.push(frame('node', true, tree));
        break;
      case CODE_WITH_VALUE:
      case NODE_WITH_VALUE:
        this.push(frame('node', false, tree));
        this.push(frame('buffer', true, false));
        break;
      case CODE: // its buffer opens where its opening fence ends
      case LEAF:
        this.push(frame('node', false, tree));
        break;
      case BUFFER:
        this.push(frame('buffer', true, false));
        break;
      case TEXT_START:
        this.textStart(token);
        break;
    }
  }

  exit(event: Event): void {
    const op = exitOps.get(event[1].type);
    if (op === undefined) return;
    if (op >= DATA && op <= LINE_ENDING) this.exitText(event, op);
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
      case DATA:
        this.textStart(token);
        this.textAdd(tokenText(this.text, this.verbatim, event), token.end);
        break;
      case AUTOLINK_TARGET: {
        const value = tokenText(this.text, this.verbatim, event);
        this.textStart(token);
        this.textAdd(value, token.end);
        if (this.top.link !== undefined) this.top.link.url = token.type === 'autolinkEmail' ? `mailto:${value}` : value;
        break;
      }
      case ESCAPED:
        this.textAdd(tokenText(this.text, this.verbatim, event), token.end);
        break;
      case REFERENCE_DECIMAL:
      case REFERENCE_HEXADECIMAL:
        this.referenceBase = op === REFERENCE_DECIMAL ? 10 : 16;
        break;
      case REFERENCE_VALUE: {
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
      case REFERENCE_END:
        if (this.top.text !== undefined) this.top.text.end = token.end.offset;
        break;
      case LINE_ENDING:
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
      case POP:
        this.pop();
        break;
      case HARD_BREAK:
        this.pop();
        this.atHardBreak = true;
        break;
      case SETEXT_TEXT:
        this.setextUnderline = true;
        break;
      case HEADING:
        this.endHeading(token);
        break;
      case LABEL:
        if (this.pop().kind === 'imageLabel') this.shown(this.alts.pop() ?? '', false);
        break;
      case RESOURCE:
        this.top.resource = true;
        break;
      case DESTINATION: {
        const url = this.pop().value;
        if (this.top.link !== undefined) this.top.link.url = url;
        break;
      }
      case LINK: {
        // Without a destination it is a reference: its definition is the link that counts.
        const f = this.pop();
        if (f.link !== undefined && !f.resource) this.links[this.links.lastIndexOf(f.link)] = undefined;
        break;
      }
      case INFO: {
        const info = this.pop().value;
        this.top.lang = info;
        break;
      }
      case FENCE:
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
    if (op === CODE) {
      const code = value.replace(token.type === 'codeFenced' ? withoutEdgeLineEndings : withoutLastLineEnding, '');
      if (node.tree)
        this.runs.push({
          ...span(token.start, token.end),
          value: code,
          kind: 'block',
          ...(node.lang ? { lang: node.lang } : {}),
        });
      this.inFencedCode = false;
    } else if (op === CODE_WITH_VALUE) {
      if (node.tree) this.runs.push({ ...span(token.start, token.end), value, kind: 'code' });
      this.shown(value, false);
    } else if (op === NODE_WITH_VALUE) {
      if (node.tree) for (const m of value.matchAll(htmlAnchor)) if (m[1] !== undefined) this.anchors.add(m[1]);
      this.shown(value, true);
    } else if (op === YAML) {
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
