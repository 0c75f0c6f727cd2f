// One line's inline content for the line scanner (scan-markdown-lines.ts): code spans first (a
// link inside one is not a link) and backslash escapes, then links, images, autolinks and a
// reference definition in what is left, as CommonMark reads the forms that fit on one line.
import type { MarkdownLink, TextRun } from './markdown-facts.js';

export interface InlinePlace {
  line: number;
  column: number;
  offset: number;
}

export interface InlineFacts {
  links: MarkdownLink[];
  /** Code spans, and the prose that may hold an @import or a machine path. */
  runs: TextRun[];
  anchors: string[];
  /** The text a heading on this line shows: code span values, link texts, no HTML or emphasis. */
  shown(): string;
}

interface CodeSpan {
  start: number;
  end: number;
  value: string;
}

const hidden = '\u0001';
const asciiPunctuation = /[!-/:-@[-`{-~]/;
const mayMatter = /@|\/Users\/|\/home\/|[A-Za-z]:\\/;
const htmlAnchor = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g;
// [text](destination "title"), the text holding at most one level of brackets (a badge's image).
const inlineLink =
  /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(([ \t]*)(<[^<>\n]*>|[^\s()<>\u0001]*(?:\([^\s()\u0001]*\)[^\s()<>\u0001]*)*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\)/g;
const autolink = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0001]*)>/g;
const definition = /^\[([^\]^][^\]]{0,998})\]:[ \t]*(<[^<>\n]*>|\S+)/;

// A line with none of these holds no code span, link, anchor, escape or path that matters.
const mayHoldFacts = /[`[<\\@]|\/Users\/|\/home\/|[A-Za-z]:\\/;
const noFacts = { links: [], runs: [], anchors: [] };

/** The inline facts of text[from, to); `at` turns an offset into a line, column and micromark offset. */
export function scanInline(text: string, from: number, to: number, at: (offset: number) => InlinePlace): InlineFacts {
  const source = text.slice(from, to);
  if (!mayHoldFacts.test(source)) return { ...noFacts, shown: () => source.replace(/\*+/g, '') };
  const { spans, masked } = maskCode(source);
  const links: MarkdownLink[] = [];
  const place = (start: number, end: number) => {
    const p = at(from + start);
    return { line: p.line, column: p.column, start: p.offset, end: at(from + end).offset };
  };
  const def = definition.exec(masked);
  if (def !== null)
    links.push({
      ...place(0, source.length),
      url: unbracket(source.slice(def[0].length - (def[2] ?? '').length, def[0].length)),
      kind: 'definition',
    });
  else if (masked.includes('[') || masked.includes('<'))
    findLinks(source, masked, 0, masked.length, (kind, start, end, url) =>
      links.push({ ...place(start, end), url, kind }),
    );
  const runs: TextRun[] = [];
  let last = 0;
  const prose = (end: number): void => {
    const value = source.slice(last, end);
    if (mayMatter.test(value)) runs.push({ ...place(last, end), value: unescape(value), kind: 'text' });
  };
  for (const s of spans) {
    prose(s.start);
    runs.push({ ...place(s.start, s.end), value: s.value, kind: 'code' });
    last = s.end;
  }
  prose(source.length);
  const anchors = masked.includes('<') ? [...masked.matchAll(htmlAnchor)].map((m) => m[1] ?? '') : [];
  return { links, runs, anchors, shown: () => shownText(source, spans) };
}

/** Code spans (a backtick run closed by a run of the same length) and escapes, hidden for the link search. */
function maskCode(source: string): { spans: CodeSpan[]; masked: string } {
  const spans: CodeSpan[] = [];
  const pieces: string[] = [];
  // A run length with no closing run after some point has none after any later point either: each
  // length is searched for at most once in vain, so a line of unmatched runs stays linear.
  const unclosed = new Set<number>();
  let copied = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && asciiPunctuation.test(source[i + 1] as string)) {
      pieces.push(source.slice(copied, i), hidden + hidden);
      i += 2;
      copied = i;
    } else if (c === '`') {
      let n = 1;
      while (source[i + n] === '`') n++;
      const close = unclosed.has(n) ? -1 : closingRun(source, i + n, n);
      if (close === -1) {
        unclosed.add(n);
        i += n;
        continue;
      }
      spans.push({ start: i, end: close + n, value: codeValue(source.slice(i + n, close)) });
      pieces.push(source.slice(copied, i), hidden.repeat(close + n - i));
      i = close + n;
      copied = i;
    } else i++;
  }
  pieces.push(source.slice(copied));
  return { spans, masked: pieces.join('') };
}

function closingRun(source: string, from: number, n: number): number {
  for (let at = source.indexOf('`', from); at !== -1; ) {
    let m = 1;
    while (source[at + m] === '`') m++;
    if (m === n) return at;
    at = source.indexOf('`', at + m);
  }
  return -1;
}

/** CommonMark strips one space from each side of a code span's text that has text besides spaces. */
function codeValue(raw: string): string {
  return raw.length >= 2 && raw.startsWith(' ') && raw.endsWith(' ') && raw.trim() !== '' ? raw.slice(1, -1) : raw;
}

type LinkFound = (kind: 'link' | 'image', start: number, end: number, url: string) => void;

/** Links, images and autolinks in masked[from, to), outer before inner, in order. */
function findLinks(source: string, masked: string, from: number, to: number, found: LinkFound, inLabel = false): void {
  const region = from === 0 && to === masked.length ? masked : masked.slice(from, to);
  // An autolink inside a link's text was found with the line's.
  const autolinks = !inLabel && region.includes('<') ? [...region.matchAll(autolink)] : [];
  let next = 0;
  const autolinksBefore = (start: number): void => {
    for (; next < autolinks.length && from + (autolinks[next]?.index ?? 0) < start; next++) {
      const m = autolinks[next] as RegExpExecArray;
      found('link', from + m.index, from + m.index + m[0].length, m[1] ?? '');
    }
  };
  if (region.includes('[')) {
    for (const m of region.matchAll(inlineLink)) {
      const start = from + m.index;
      autolinksBefore(start);
      const label = m[2] ?? '';
      const urlStart = start + (m[1] ?? '').length + label.length + 3 + (m[3] ?? '').length;
      found(
        m[1] === '!' ? 'image' : 'link',
        start,
        start + m[0].length,
        unbracket(unescape(source.slice(urlStart, urlStart + (m[4] ?? '').length))),
      );
      if (label.includes('[')) {
        const textStart = start + (m[1] ?? '').length + 1;
        findLinks(source, masked, textStart, textStart + label.length, found, true);
      }
    }
  }
  autolinksBefore(Number.POSITIVE_INFINITY);
}

function unbracket(url: string): string {
  return url.startsWith('<') && url.endsWith('>') ? url.slice(1, -1) : url;
}

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\([!-/:-@[-`{-~])/g, '$1') : text;
}

/** What a heading shows: code span values as they are; elsewhere link texts, without HTML, emphasis markers or escapes. */
function shownText(source: string, spans: readonly CodeSpan[]): string {
  let shown = '';
  let last = 0;
  const prose = (text: string): string =>
    unescape(
      text
        .replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\([^)]*\)/g, '$1')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]*>/g, '')
        .replace(/\*+/g, ''),
    );
  for (const s of spans) {
    shown += prose(source.slice(last, s.start)) + s.value;
    last = s.end;
  }
  return shown + prose(source.slice(last));
}
