// Markdown read with micromark, the CommonMark parser under mdast (https://github.com/micromark/micromark),
// never regexes over raw text: links inside code are not links, reference definitions and images
// count, and headings give GitHub's anchors (github-slugger: lower case, punctuation dropped,
// duplicates get -1, -2…). Of GitHub's extensions only footnotes are parsed: a footnote definition
// (`[^1]: text`) would otherwise read as a link definition to `text`. Tables, autolink literals,
// strikethrough and task lists change no relative link or code span (a link in a table cell
// parses the same inside a paragraph) and cost more than half of the parse (docs/decisions.md).
//
// micromark's events are compiled straight into the facts the rules read (links, code spans, code
// blocks, prose, headings, anchors, front matter) instead of into an mdast tree first: building
// the tree cost as much as tokenizing (docs/decisions.md). The compile below keeps mdast's
// meaning exactly: a text run is what mdast-util-from-markdown makes one `text` node, a heading's
// text is its nodes' text, an image's alt is never walked. A unit test holds it to the tree
// compile on the CommonMark spec's examples and on this repository's docs
// (parse-markdown.differential.test.ts).
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import GithubSlugger from 'github-slugger';
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, ParseContext, ParseOptions, Point, Token } from 'micromark-util-types';
import { parse as parseYaml } from 'yaml';

export interface SourceSpan {
  line: number;
  column: number;
  /** Offsets into the file's text, for fixes that rewrite it. */
  start: number;
  end: number;
}

export interface MarkdownLink extends SourceSpan {
  url: string;
  kind: 'link' | 'image' | 'definition';
}

export interface TextRun extends SourceSpan {
  value: string;
  kind: 'code' | 'text' | 'block';
  /** The fenced block's info string, for blocks. */
  lang?: string;
}

export interface Heading {
  text: string;
  slug: string;
  line: number;
}

export type Frontmatter = { kind: 'none' } | { kind: 'invalid'; line: number; reason: string } | { kind: 'data'; line: number; data: Record<string, unknown> };

export interface ParsedMarkdown {
  links: MarkdownLink[];
  /** Inline code spans, fenced/indented code blocks, and prose that may hold an @import or a machine path. */
  runs: TextRun[];
  headings: Heading[];
  /** Every anchor a link may name: heading slugs and HTML id/name attributes. */
  anchors: Set<string>;
  frontmatter: Frontmatter;
}

// An extension's constructs cannot match without their opening characters, so a file without them
// is parsed without the extension, to the same events: front matter opens only a file's first line
// (`---`, after a byte order mark), and a footnote needs `[^`. Most files have neither, and each
// extension is tried at every line or bracket that might start it (front matter's `-` opens every
// list item): together about a fifth of a parse (docs/decisions.md).
const footnotes = gfmFootnote();
const yamlMatter = frontmatter(['yaml']);
const optionSets: ParseOptions[] = [[], [footnotes], [yamlMatter], [footnotes, yamlMatter]].map((extensions) => ({ extensions }));

/** The parser options for `text`: only the extensions whose openings it contains (exported for a test). */
export function parseOptions(text: string): ParseOptions {
  const withMatter = text.startsWith('---') || text.startsWith('\uFEFF---');
  return optionSets[(text.includes('[^') ? 1 : 0) + (withMatter ? 2 : 0)] as ParseOptions;
}

// One parser per option set: combining the extensions with CommonMark's constructs costs a fifth
// of parsing a small file. What a parser learns from a document (its definitions, its lazy lines)
// is reset before the next.
const parsers = new WeakMap<ParseOptions, ParseContext>();

/** micromark's events for `text` (exported for a test). */
export function tokenize(text: string, options: ParseOptions = parseOptions(text)): Event[] {
  let parser = parsers.get(options);
  if (parser === undefined) parsers.set(options, (parser = parse(options)));
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(text, undefined, true)));
}

export function parseMarkdown(text: string): ParsedMarkdown {
  return compileFacts(text, tokenize(text));
}

const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;

/** An mdast `text` node being built: adjacent text within one parent is one node. */
interface OpenText {
  value: string;
  line: number;
  column: number;
  start: number;
  end: number;
}

/**
 * What mdast would have on its stack: a node whose children may be text, or a buffer (a URL, an
 * info string, a code value) that mdast reads back as one string.
 */
interface Frame {
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

type FrameKind = 'node' | 'buffer' | 'link' | 'image' | 'imageLabel' | 'code';

const span = (start: Point, end: Point): SourceSpan => ({ line: start.line, column: start.column, start: start.offset, end: end.offset });
const frame = (kind: FrameKind, eol: boolean, tree: boolean): Frame => ({ kind, value: '', eol, tree, text: undefined, link: undefined, resource: false, lang: undefined });
const withoutEdgeLineEndings = /^(\r?\n|\r)|(\r?\n|\r)$/g;
const withoutLastLineEnding = /(\r?\n|\r)$/g;

// What each token does, by type (a Map: a switch over some forty strings costs more than the rest
// of the walk): the node or buffer it opens on enter, and how it ends or what text it adds on exit.
const [PHRASING, HEADING, LINK, IMAGE, LABEL, DEFINITION, CODE, CODE_WITH_VALUE, NODE_WITH_VALUE, LEAF, BUFFER, TEXT_START] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const [DATA, AUTOLINK_TARGET, ESCAPED, REFERENCE_DECIMAL, REFERENCE_HEXADECIMAL, REFERENCE_VALUE, REFERENCE_END, LINE_ENDING, POP, HARD_BREAK, SETEXT_TEXT, RESOURCE, DESTINATION, INFO, FENCE, YAML] = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35] as const;
const ops = (table: Record<number, string[]>): Map<string, number> => new Map(Object.entries(table).flatMap(([op, types]) => types.map((type) => [type, Number(op)] as const)));
const enterOps = ops({
  [PHRASING]: ['paragraph', 'emphasis', 'strong'],
  [HEADING]: ['atxHeading', 'setextHeading'],
  [LINK]: ['link', 'autolink'],
  [IMAGE]: ['image'],
  [LABEL]: ['label'],
  [DEFINITION]: ['definition'],
  [CODE]: ['codeFenced'],
  [CODE_WITH_VALUE]: ['codeIndented', 'codeText'],
  [NODE_WITH_VALUE]: ['htmlFlow', 'htmlText', 'yaml'],
  [LEAF]: ['hardBreakEscape', 'hardBreakTrailing', 'gfmFootnoteCall'],
  [BUFFER]: ['codeFencedFenceInfo', 'codeFencedFenceMeta', 'definitionDestinationString', 'definitionLabelString', 'definitionTitleString', 'referenceString', 'resourceDestinationString', 'resourceTitleString', 'gfmFootnoteCallString', 'gfmFootnoteDefinitionLabelString'],
  [TEXT_START]: ['characterEscape', 'characterReference'],
});
const exitOps = ops({
  [DATA]: ['data', 'codeTextData', 'codeFlowValue', 'htmlFlowData', 'htmlTextData', 'yamlValue'],
  [AUTOLINK_TARGET]: ['autolinkProtocol', 'autolinkEmail'],
  [ESCAPED]: ['characterEscapeValue'],
  [REFERENCE_DECIMAL]: ['characterReferenceMarkerNumeric'],
  [REFERENCE_HEXADECIMAL]: ['characterReferenceMarkerHexadecimal'],
  [REFERENCE_VALUE]: ['characterReferenceValue'],
  [REFERENCE_END]: ['characterReference'],
  [LINE_ENDING]: ['lineEnding'],
  [POP]: ['paragraph', 'emphasis', 'strong', 'gfmFootnoteCall', 'codeFencedFenceMeta', 'definitionLabelString', 'definitionTitleString', 'referenceString', 'resourceTitleString', 'gfmFootnoteCallString', 'gfmFootnoteDefinitionLabelString', 'autolink', 'definition'],
  [HARD_BREAK]: ['hardBreakEscape', 'hardBreakTrailing'],
  [SETEXT_TEXT]: ['setextHeadingText'],
  [HEADING]: ['atxHeading', 'setextHeading'],
  [LABEL]: ['label'],
  [RESOURCE]: ['resource'],
  [DESTINATION]: ['resourceDestinationString', 'definitionDestinationString'],
  [LINK]: ['link', 'image'],
  [INFO]: ['codeFencedFenceInfo'],
  [FENCE]: ['codeFencedFence'],
  [CODE]: ['codeFenced', 'codeIndented'],
  [CODE_WITH_VALUE]: ['codeText'],
  [NODE_WITH_VALUE]: ['htmlFlow', 'htmlText'],
  [YAML]: ['yaml'],
});

/** The facts the rules read, from micromark's events, as a walk over mdast-util-from-markdown's tree would find them. */
function compileFacts(text: string, events: Event[]): ParsedMarkdown {
  const links: Array<MarkdownLink | undefined> = [];
  const runs: TextRun[] = [];
  const headings: Heading[] = [];
  const anchors = new Set<string>();
  const slugger = new GithubSlugger();
  let fm: Frontmatter = { kind: 'none' };

  const stack: Frame[] = [frame('node', false, true)];
  let top = stack[0] as Frame;
  // Image alts being read, innermost last: their text is the alt, not the page's.
  const alts: string[] = [];
  let headingText: string | undefined;
  let referenceBase = 0;
  let atHardBreak = false;
  let setextUnderline = false;
  let inFencedCode = false;

  // A token's text is the file's text at its offsets, except where micromark rewrites it: a tab
  // (split into virtual spaces), NUL (U+FFFD), a byte order mark (not counted in offsets), and a
  // token over a line ending, whose offsets also take in the next line's container prefix (`> `).
  const verbatim = !/[\t\0\uFEFF]/.test(text);
  const slice = (event: Event): string => {
    const token = event[1];
    return verbatim && token.start.line === token.end.line ? text.slice(token.start.offset, token.end.offset) : event[2].sliceSerialize(token);
  };
  const lineEnding = (event: Event): string => {
    if (!verbatim) return event[2].sliceSerialize(event[1]);
    const at = event[1].start.offset;
    return text.charCodeAt(at) !== 13 ? '\n' : text.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
  };
  const closeText = (f: Frame): void => {
    const t = f.text;
    if (t === undefined) return;
    f.text = undefined;
    if (f.tree && mayMatter.test(t.value)) runs.push({ line: t.line, column: t.column, start: t.start, end: t.end, value: t.value, kind: 'text' });
  };
  const push = (f: Frame): Frame => {
    // A new node ends the text its parent was building; a buffer is not a child, but no buffer opens beside text.
    closeText(top);
    stack.push(f);
    top = f;
    return f;
  };
  const pop = (): Frame => {
    const f = stack.pop() as Frame;
    closeText(f);
    top = stack[stack.length - 1] as Frame;
    return f;
  };
  /** Text a heading or an alt shows: an alt takes everything inside it, a heading all but HTML. */
  const shown = (value: string, html: boolean): void => {
    if (alts.length > 0) alts[alts.length - 1] += value;
    else if (headingText !== undefined && !html) headingText += value;
  };
  const textStart = (token: Token): void => {
    if (top.kind === 'buffer' || top.text !== undefined) return;
    top.text = { value: '', line: token.start.line, column: token.start.column, start: token.start.offset, end: token.start.offset };
  };
  const textAdd = (value: string, end: Point | undefined): void => {
    if (top.kind === 'buffer') {
      top.value += value;
      return;
    }
    const t = top.text as OpenText;
    t.value += value;
    if (end !== undefined) t.end = end.offset;
    shown(value, false);
  };
  const addLink = (kind: MarkdownLink['kind'], token: Token): MarkdownLink | undefined => {
    if (!top.tree) return undefined;
    const link: MarkdownLink = { ...span(token.start, token.end), url: '', kind };
    links.push(link);
    return link;
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const token = event[1];
    if (event[0] === 'enter') {
      switch (enterOps.get(token.type)) {
        case undefined:
          break;
        case PHRASING:
          push(frame('node', true, top.tree));
          break;
        case HEADING:
          push(frame('node', true, top.tree));
          headingText = '';
          break;
        case LINK: {
          const link = addLink('link', token);
          push(frame('link', false, top.tree)).link = link;
          break;
        }
        case IMAGE: {
          const link = addLink('image', token);
          push(frame('image', false, top.tree)).link = link;
          break;
        }
        case LABEL:
          if (top.kind === 'image') {
            alts.push('');
            push(frame('imageLabel', true, false));
          } else push(frame('node', true, top.tree));
          break;
        case DEFINITION: {
          const link = addLink('definition', token);
          push(frame('node', false, top.tree)).link = link;
          break;
        }
        case CODE:
          push(frame('code', false, top.tree));
          break;
        case CODE_WITH_VALUE:
          push(frame('code', false, top.tree));
          push(frame('buffer', true, false));
          break;
        case NODE_WITH_VALUE:
          push(frame('node', false, top.tree));
          push(frame('buffer', true, false));
          break;
        case LEAF:
          push(frame('node', false, top.tree));
          break;
        case BUFFER:
          push(frame('buffer', true, false));
          break;
        case TEXT_START:
          textStart(token);
          break;
      }
      continue;
    }
    switch (exitOps.get(token.type)) {
      case undefined:
        break;
      case DATA:
        textStart(token);
        textAdd(slice(event), token.end);
        break;
      case AUTOLINK_TARGET: {
        const value = slice(event);
        textStart(token);
        textAdd(value, token.end);
        if (top.link !== undefined) top.link.url = token.type === 'autolinkEmail' ? `mailto:${value}` : value;
        break;
      }
      case ESCAPED:
        textAdd(slice(event), token.end);
        break;
      case REFERENCE_DECIMAL:
        referenceBase = 10;
        break;
      case REFERENCE_HEXADECIMAL:
        referenceBase = 16;
        break;
      case REFERENCE_VALUE: {
        const raw = slice(event);
        textAdd(referenceBase === 0 ? (decodeNamedCharacterReference(raw) as string) : decodeNumericCharacterReference(raw, referenceBase), undefined);
        referenceBase = 0;
        break;
      }
      case REFERENCE_END:
        if (top.text !== undefined) top.text.end = token.end.offset;
        break;
      case LINE_ENDING:
        // A hard break takes the line ending after it; a setext heading's underline is not its text.
        if (atHardBreak) atHardBreak = false;
        else if (!setextUnderline && top.eol) {
          textStart(token);
          textAdd(lineEnding(event), token.end);
        }
        break;
      case POP:
        pop();
        break;
      case HARD_BREAK:
        pop();
        atHardBreak = true;
        break;
      case SETEXT_TEXT:
        setextUnderline = true;
        break;
      case HEADING: {
        const f = pop();
        const slug = slugger.slug(headingText ?? '');
        if (f.tree) {
          headings.push({ text: headingText ?? '', slug, line: token.start.line });
          anchors.add(slug);
        }
        headingText = undefined;
        setextUnderline = false;
        break;
      }
      case LABEL: {
        const f = pop();
        if (f.kind === 'imageLabel') shown(alts.pop() ?? '', false);
        break;
      }
      case RESOURCE:
        top.resource = true;
        break;
      case DESTINATION: {
        const url = pop().value;
        if (top.link !== undefined) top.link.url = url;
        break;
      }
      case LINK: {
        const f = pop();
        // Without a destination it is a reference: its definition is the link that counts.
        if (f.link !== undefined && !f.resource) links[links.lastIndexOf(f.link)] = undefined;
        break;
      }
      case INFO: {
        const info = pop().value;
        top.lang = info;
        break;
      }
      case FENCE:
        // The opening fence ends where the code starts; the closing fence is inside the code's buffer.
        if (!inFencedCode) {
          inFencedCode = true;
          push(frame('buffer', true, false));
        }
        break;
      case CODE: {
        const value = pop().value.replace(token.type === 'codeFenced' ? withoutEdgeLineEndings : withoutLastLineEnding, '');
        const code = pop();
        if (code.tree) runs.push({ ...span(token.start, token.end), value, kind: 'block', ...(code.lang ? { lang: code.lang } : {}) });
        inFencedCode = false;
        break;
      }
      case CODE_WITH_VALUE: {
        const value = pop().value;
        if (pop().tree) runs.push({ ...span(token.start, token.end), value, kind: 'code' });
        shown(value, false);
        break;
      }
      case NODE_WITH_VALUE: {
        const value = pop().value;
        if (pop().tree) for (const m of value.matchAll(htmlAnchor)) if (m[1] !== undefined) anchors.add(m[1]);
        shown(value, true);
        break;
      }
      case YAML: {
        const value = pop().value.replace(withoutEdgeLineEndings, '');
        pop();
        fm = readFrontmatter(value, token.start.line);
        break;
      }
    }
  }
  while (stack.length > 1) pop();
  closeText(top);
  return { links: links.filter((l) => l !== undefined), runs, headings, anchors, frontmatter: fm };
}

function readFrontmatter(yamlText: string, line: number): Frontmatter {
  try {
    // logLevel: a YAML warning (a key that is a collection) would otherwise print as a Node warning.
    const data: unknown = parseYaml(yamlText, { logLevel: 'error' });
    if (data === null || data === undefined) return { kind: 'data', line, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) return { kind: 'invalid', line, reason: 'it is not a mapping of keys to values' };
    return { kind: 'data', line, data: data as Record<string, unknown> };
  } catch (error) {
    return { kind: 'invalid', line, reason: error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML' };
  }
}
