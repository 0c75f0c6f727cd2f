// The cheaper reader for markdown the full parser must not read (markdown-limits.ts: too large, or
// nested too deep): one pass over the lines, in time linear in the file and memory bounded by what
// it finds. It finds what the rules read, as the parser would for the common forms: inline links,
// images and autolinks on one line (one level of brackets inside the text, as badges have),
// reference definitions, code spans, fenced code blocks, ATX and setext headings with GitHub's
// anchors, HTML id/name anchors, front matter, and the prose that may hold an @import or a machine
// path. What it does not understand (a link spread over lines, indented code, HTML blocks) is read
// as text: the note that names the file says so.
import GithubSlugger from 'github-slugger';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './markdown-facts.js';
import { readFrontmatter } from './markdown-facts.js';
import { scanInline } from './scan-inline.js';

interface Line {
  /** 1-based. */
  number: number;
  start: number;
  /** Where the line ends, before its line ending. */
  end: number;
  /** Where the next line starts. */
  next: number;
  /** Where the content starts, after block quote and list markers and indentation. */
  content: number;
  listItem: boolean;
}

const fenceOpen = /^(`{3,}|~{3,})(.*)$/;
const atxHeading = /^(#{1,6})(?:[ \t]+|$)/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;
const containerPrefix = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;

export function scanMarkdownLines(text: string): ParsedMarkdown {
  return new LineScanner(text).scan();
}

class LineScanner {
  private readonly links: MarkdownLink[] = [];
  private readonly runs: TextRun[] = [];
  private readonly headings: Heading[] = [];
  private readonly anchors = new Set<string>();
  private readonly slugger = new GithubSlugger();
  private frontmatter: Frontmatter = { kind: 'none' };
  /** micromark's offsets do not count a byte order mark. */
  private readonly base: number;

  constructor(private readonly text: string) {
    this.base = text.startsWith('\uFEFF') ? 1 : 0;
  }

  scan(): ParsedMarkdown {
    let line = this.readFrontmatter();
    let fence: { marker: string; lang: string; first: Line; valueStart: number } | undefined;
    while (line !== undefined) {
      const rest = this.text.slice(line.content, line.end);
      if (fence !== undefined) {
        if (rest.startsWith(fence.marker) && rest.slice(fence.marker.length).trim() === '') {
          this.addBlock(fence.first, line.end, fence.lang, this.text.slice(fence.valueStart, line.start));
          fence = undefined;
        }
        line = this.next(line);
        continue;
      }
      const open = fenceOpen.exec(rest);
      if (open !== null && !(open[1]?.startsWith('`') === true && open[2]?.includes('`') === true)) {
        fence = {
          marker: open[1] as string,
          lang: (open[2] ?? '').trim().split(/\s/)[0] ?? '',
          first: line,
          valueStart: line.next,
        };
        line = this.next(line);
        continue;
      }
      line = this.readLine(line, rest);
    }
    if (fence !== undefined)
      this.addBlock(fence.first, this.text.length, fence.lang, this.text.slice(fence.valueStart));
    return {
      links: this.links,
      runs: this.runs,
      headings: this.headings,
      anchors: this.anchors,
      frontmatter: this.frontmatter,
    };
  }

  /** A line outside fenced code: its inline content, and a heading when it is one. Returns the next line to read. */
  private readLine(line: Line, rest: string): Line | undefined {
    const after = this.next(line);
    const atx = atxHeading.exec(rest);
    if (atx !== null) {
      const inline = scanInline(
        this.text,
        line.content + atx[0].length,
        line.end - (rest.length - rest.replace(/(?:[ \t]+#+)?[ \t]*$/, '').length),
        this.lineAt(line),
      );
      this.addInline(inline);
      this.addHeading(inline.shown(), line);
      return after;
    }
    const inline = scanInline(this.text, line.content, line.end, this.lineAt(line));
    this.addInline(inline);
    if (
      after !== undefined &&
      !line.listItem &&
      rest.trim() !== '' &&
      setextUnderline.test(this.text.slice(after.start, after.end))
    ) {
      this.addHeading(inline.shown(), line);
      return this.next(after);
    }
    return after;
  }

  private lineAt(line: Line): (offset: number) => { line: number; column: number; offset: number } {
    return (offset) => ({ line: line.number, column: offset - line.start + 1, offset: offset - this.base });
  }

  private addInline(inline: ReturnType<typeof scanInline>): void {
    for (const link of inline.links) this.links.push(link);
    for (const run of inline.runs) this.runs.push(run);
    for (const anchor of inline.anchors) this.anchors.add(anchor);
  }

  private addHeading(shown: string, line: Line): void {
    const text = shown.trim();
    const slug = this.slugger.slug(text);
    this.headings.push({ text, slug, line: line.number });
    this.anchors.add(slug);
  }

  private addBlock(first: Line, end: number, lang: string, raw: string): void {
    const start = first.content;
    // Code in a list item or a quote: its lines without the container's prefix.
    const width = start - first.start;
    const strip = new RegExp(`^[ \\t>]{0,${width}}`, 'gm');
    const value = (width === 0 ? raw : raw.replace(strip, '')).replace(/\r?\n$/, '');
    this.runs.push({
      line: first.number,
      column: width + 1,
      start: start - this.base,
      end: end - this.base,
      value,
      kind: 'block',
      ...(lang === '' ? {} : { lang }),
    });
  }

  /** Front matter: `---` on the first line, up to the next `---` or `...` line. Returns the first line after it. */
  private readFrontmatter(): Line | undefined {
    const first = this.lineFrom(this.base, 1);
    if (first === undefined || this.text.slice(first.start, first.end).trimEnd() !== '---') return first;
    for (let line = this.next(first); line !== undefined; line = this.next(line)) {
      const marker = this.text.slice(line.start, line.end).trimEnd();
      if (marker === '---' || marker === '...') {
        this.frontmatter = readFrontmatter(this.text.slice(first.next, line.start).replace(/\r?\n$/, ''), 1);
        return this.next(line);
      }
    }
    return first; // never closed: not front matter
  }

  private next(line: Line): Line | undefined {
    return this.lineFrom(line.next, line.number + 1);
  }

  private lineFrom(start: number, number: number): Line | undefined {
    if (start >= this.text.length) return undefined;
    const newline = this.text.indexOf('\n', start);
    const next = newline === -1 ? this.text.length : newline + 1;
    let end = newline === -1 ? this.text.length : newline;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    const prefix = containerPrefix.exec(this.text.slice(start, Math.min(end, start + 256)))?.[0] ?? '';
    return { number, start, end, next, content: start + prefix.length, listItem: /[-*+.)](?=[ \t]|$)/.test(prefix) };
  }
}
