// Markdown as a CommonMark syntax tree (mdast, https://github.com/syntax-tree/mdast), never
// regexes over raw text: links inside code are not links, reference definitions and images count,
// and headings give GitHub's anchors (github-slugger: lower case, punctuation dropped, duplicates
// get -1, -2…). Of GitHub's extensions only footnotes are parsed: a footnote definition
// (`[^1]: text`) would otherwise read as a link definition to `text`. Tables, autolink literals,
// strikethrough and task lists change no relative link or code span (a link in a table cell
// parses the same inside a paragraph) and cost more than half of the parse (docs/decisions.md).
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
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
// is parsed without the extension, to the same tree: front matter opens only a file's first line
// (`---`, after a byte order mark), and a footnote needs `[^`. Most files have neither, and each
// extension is tried at every line or bracket that might start it (front matter's `-` opens every
// list item): together about a fifth of a parse (docs/decisions.md).
const footnotes = { syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown() };
const yamlMatter = { syntax: frontmatter(['yaml']), tree: frontmatterFromMarkdown(['yaml']) };
const optionSets = [[], [footnotes], [yamlMatter], [footnotes, yamlMatter]].map((set) => ({ extensions: set.map((e) => e.syntax), mdastExtensions: set.map((e) => e.tree) }));

/** The parser options for `text`: only the extensions whose openings it contains (exported for a test). */
export function parseOptions(text: string): (typeof optionSets)[number] {
  const withMatter = text.startsWith('---') || text.startsWith('\uFEFF---');
  return optionSets[(text.includes('[^') ? 1 : 0) + (withMatter ? 2 : 0)] as (typeof optionSets)[number];
}
const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;

export function parseMarkdown(text: string): ParsedMarkdown {
  const tree: Root = fromMarkdown(text, parseOptions(text));
  const links: MarkdownLink[] = [];
  const runs: TextRun[] = [];
  const headings: Heading[] = [];
  const anchors = new Set<string>();
  const slugger = new GithubSlugger();
  let fm: Frontmatter = { kind: 'none' };
  // A plain recursive walk: unist-util-visit's generic tests cost more than the parse itself here.
  const walk = (node: Nodes): void => {
    const span = spanOf(node);
    if (span !== undefined) {
      switch (node.type) {
        case 'link':
        case 'image':
        case 'definition':
          links.push({ ...span, url: node.url, kind: node.type });
          break;
        case 'inlineCode':
          runs.push({ ...span, value: node.value, kind: 'code' });
          break;
        case 'text':
          // Prose matters only for @imports and machine paths; keeping the rest would only fill the cache.
          if (mayMatter.test(node.value)) runs.push({ ...span, value: node.value, kind: 'text' });
          break;
        case 'code':
          runs.push({ ...span, value: node.value, kind: 'block', ...(node.lang ? { lang: node.lang } : {}) });
          break;
        case 'html':
          for (const m of node.value.matchAll(htmlAnchor)) if (m[1] !== undefined) anchors.add(m[1]);
          break;
        case 'heading': {
          const headingText = plainText(node);
          const slug = slugger.slug(headingText);
          headings.push({ text: headingText, slug, line: span.line });
          anchors.add(slug);
          break;
        }
        case 'yaml':
          fm = readFrontmatter(node.value, span.line);
          break;
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { links, runs, headings, anchors, frontmatter: fm };
}

/** The text a heading shows, as GitHub slugs it (code spans keep their text, markup goes). */
function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c)).join('');
  if (node.type === 'image') return node.alt ?? '';
  return '';
}

function spanOf(node: Nodes): SourceSpan | undefined {
  const p = node.position;
  if (p?.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { line: p.start.line, column: p.start.column, start: p.start.offset, end: p.end.offset };
}

function readFrontmatter(yamlText: string, line: number): Frontmatter {
  try {
    const data: unknown = parseYaml(yamlText);
    if (data === null || data === undefined) return { kind: 'data', line, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) return { kind: 'invalid', line, reason: 'it is not a mapping of keys to values' };
    return { kind: 'data', line, data: data as Record<string, unknown> };
  } catch (error) {
    return { kind: 'invalid', line, reason: error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML' };
  }
}
