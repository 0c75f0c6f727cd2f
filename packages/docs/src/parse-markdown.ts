// Markdown read with micromark, the CommonMark parser under mdast (https://github.com/micromark/micromark),
// never regexes over raw text: links inside code are not links, reference definitions and images
// count, and headings give GitHub's anchors (github-slugger: lower case, punctuation dropped,
// duplicates get -1, -2…). Of GitHub's extensions only footnotes are parsed: a footnote definition
// (`[^1]: text`) would otherwise read as a link definition to `text`. Tables, autolink literals,
// strikethrough and task lists change no relative link or code span (a link in a table cell
// parses the same inside a paragraph) and cost more than half of the parse (docs/decisions.md).
//
// micromark's events are compiled straight into the facts the rules read (compile-facts.ts), with
// mdast's meaning, instead of into an mdast tree first.
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Event, ParseContext, ParseOptions } from 'micromark-util-types';
import { compilePieces } from './compile-facts.js';
import { whyNotParsed } from './markdown-limits.js';
import { fastFacts } from './parse-fast.js';
import type { ParsedMarkdown } from './markdown-facts.js';
import { minPieceLength, parsePieces } from './parse-pieces.js';
import { scanMarkdownLines } from './scan-markdown-lines.js';

export type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './markdown-facts.js';

// An extension's constructs cannot match without their opening characters, so a file without them
// is parsed without the extension, to the same events: front matter opens only a file's first line
// (`---`, after a byte order mark), and a footnote needs `[^`. Most files have neither, and each
// extension is tried at every line or bracket that might start it (front matter's `-` opens every
// list item): together about a fifth of a parse (docs/decisions.md).
const footnotes = gfmFootnote();
const yamlMatter = frontmatter(['yaml']);
const optionSets: ParseOptions[] = [[], [footnotes], [yamlMatter], [footnotes, yamlMatter]].map((extensions) => ({
  extensions,
}));

/** The parser options for `text`: only the extensions whose openings it contains (exported for a test). */
export function parseOptions(text: string): ParseOptions {
  return optionSets[optionIndex(text)] as ParseOptions;
}

/** Which option set `text` needs: 1 for footnotes, plus 2 for front matter. */
function optionIndex(text: string): number {
  const withMatter = text.startsWith('---') || text.startsWith('\uFEFF---');
  return (text.includes('[^') ? 1 : 0) + (withMatter ? 2 : 0);
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

/**
 * The facts of `text`: from markdown-it where it reads the file as micromark does (parse-fast.ts),
 * else from micromark, a piece at a time (parse-pieces.ts), or from the line scanner past the
 * parsers' limits (markdown-limits.ts). `minPiece` is for tests.
 */
export function parseMarkdown(text: string, minPiece = minPieceLength): ParsedMarkdown {
  const why = whyNotParsed(text);
  if (why !== undefined) return { ...scanMarkdownLines(text), lineScanned: why };
  return fastFacts(text) ?? parseWithMicromark(text, minPiece);
}

/** The facts of `text` from micromark, whatever the fast path would do (exported for tests). */
export function parseWithMicromark(text: string, minPiece = minPieceLength): ParsedMarkdown {
  const index = optionIndex(text);
  // Front matter opens only a file's first line: later pieces are parsed without it.
  const [first, later] = [optionSets[index], optionSets[index % 2]] as [ParseOptions, ParseOptions];
  return compilePieces(parsePieces(text, tokenize, first, later, minPiece));
}
