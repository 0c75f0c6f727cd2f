// What the docs rules read from a markdown file: its links, code, the prose that may name a path,
// its headings and anchors, its front matter (parse-markdown.ts reads them; parse-cache.ts keeps them).
import { createRequire } from 'node:module';
import type { parse as YamlParse } from 'yaml';

// yaml (72 modules) is loaded on the first front matter, not with the parser: most files have none,
// and a run that parses one edited file without front matter never needs it.
let parseYaml: typeof YamlParse | undefined;
const yamlParse = (): typeof YamlParse =>
  (parseYaml ??= (createRequire(import.meta.url)('yaml') as { parse: typeof YamlParse }).parse);

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

export type Frontmatter =
  | { kind: 'none' }
  | { kind: 'invalid'; line: number; reason: string }
  | { kind: 'data'; line: number; data: Record<string, unknown> };

export interface ParsedMarkdown {
  links: MarkdownLink[];
  /** Inline code spans, fenced/indented code blocks, and prose that may hold an @import or a machine path. */
  runs: TextRun[];
  headings: Heading[];
  /** Every anchor a link may name: heading slugs and HTML id/name attributes. */
  anchors: Set<string>;
  frontmatter: Frontmatter;
  /** Why the CommonMark parser did not read the file and the line scanner did (markdown-limits.ts). */
  lineScanned?: string;
}

/** A file's front matter, from the YAML between its `---` lines. */
export function readFrontmatter(yamlText: string, line: number): Frontmatter {
  try {
    // logLevel: a YAML warning (a key that is a collection) would otherwise print as a Node warning.
    const data: unknown = yamlParse()(yamlText, { logLevel: 'error' });
    if (data === null || data === undefined) return { kind: 'data', line, data: {} };
    if (typeof data !== 'object' || Array.isArray(data))
      return { kind: 'invalid', line, reason: 'it is not a mapping of keys to values' };
    return { kind: 'data', line, data: data as Record<string, unknown> };
  } catch (error) {
    return {
      kind: 'invalid',
      line,
      reason: error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid YAML') : 'invalid YAML',
    };
  }
}
