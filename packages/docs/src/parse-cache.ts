// Parsed markdown kept between runs in .harness/cache/docs.json, keyed by a hash of each file's
// text: parsing is most of a run's time, and most files do not change between runs. A cache that
// cannot be read is ignored; one that cannot be written costs only time.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './parse-markdown.js';
import { readInside, realRoot } from './read-inside.js';
import { assertInsideRoot, ensureStateDir, writeFileInside } from 'agent-harness-system';

export const docsCacheFile = '.harness/cache/docs.json';
// Bump when ParsedMarkdown, the parser's settings or the layout below change.
const cacheVersion = 4;

/**
 * One file's facts, each kind as one flat list of values (links: url, kind, line, column, start,
 * end; runs: value, kind, line, column, start, end, lang or 0; headings: text, slug, line): half
 * the size of a list of objects, and a quarter of the time to read and write (docs/decisions.md).
 */
type CachedParse = [
  links: Array<string | number>,
  runs: Array<string | number>,
  headings: Array<string | number>,
  anchors: string[],
  frontmatter: Frontmatter,
];

export class ParseCache {
  private readonly entries: Map<string, CachedParse>;
  private readonly used = new Map<string, CachedParse>();
  /** Each text's hash, worked out once: a file missing from the cache is looked up, then stored. */
  private readonly keys = new Map<string, string>();
  /** Keys of the entries this run parsed (not read from the file). */
  private readonly fresh = new Set<string>();
  /** The file as read: its unchanged entries are written back as they were, not encoded again. */
  private readonly text: string;

  private constructor(entries: Map<string, CachedParse>, text = '') {
    this.entries = entries;
    this.text = text;
  }

  /** The cache at `path` in `root`; empty when there is none, it cannot be read, or it is a link out of the repository. */
  static load(root: string, path: string | undefined): ParseCache {
    if (path === undefined) return new ParseCache(new Map());
    try {
      const read = readInside(root, realRoot(root), path, true);
      if (read === undefined || !('text' in read)) return new ParseCache(new Map());
      const doc = JSON.parse(read.text) as { version?: number; entries?: Record<string, CachedParse> };
      if (doc.version !== cacheVersion || doc.entries === undefined) return new ParseCache(new Map());
      return new ParseCache(new Map(Object.entries(doc.entries)), read.text);
    } catch {
      return new ParseCache(new Map());
    }
  }

  /** True when nothing was cached (a first run, a new cache version): every file will be parsed. */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** The cached parse of `text`, if any. */
  lookup(text: string): ParsedMarkdown | undefined {
    const key = this.keyOf(text);
    const cached = this.entries.get(key);
    if (cached === undefined) return undefined;
    this.used.set(key, cached);
    return unpack(cached);
  }

  store(text: string, parsed: ParsedMarkdown): void {
    const key = this.keyOf(text);
    this.used.set(key, pack(parsed));
    this.fresh.add(key);
  }

  /** A text's hash, worked out once per text and run. */
  keyOf(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) this.keys.set(text, (key = hashText(text)));
    return key;
  }

  /**
   * Writes the entries this run used (so deleted files drop out), when anything changed, to `path`
   * in `root`: never through a symbolic link out of the repository (a `.harness` linked elsewhere).
   */
  async save(root: string, path: string): Promise<void> {
    if (this.fresh.size === 0 && this.used.size === this.entries.size) return;
    await assertInsideRoot(root, path);
    await ensureStateDir(dirname(join(root, path)));
    // Without fsync, as every cache (docs/decisions.md): one cut short by a crash does not parse, and is rebuilt.
    await writeFileInside(root, path, this.encode(), { durable: false });
  }

  /**
   * The cache as JSON, one entry per line: an entry read from the file and used again is its line
   * as read (after one edit, encoding the 1,300 others again cost more than the edit's parse).
   */
  private encode(): string {
    const asRead = entryLines(this.text);
    const lines = [...this.used].map(([key, entry]) => {
      const line = this.fresh.has(key) ? undefined : asRead.get(key);
      return line ?? `${JSON.stringify(key)}:${JSON.stringify(entry)}`;
    });
    return `${header}\n${lines.join(',\n')}\n}}`;
  }
}

const header = `{"version":${cacheVersion},"entries":{`;

/** The entry lines of a cache file written by encode(), by key: `"key":[…]` with no comma after. */
function entryLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  if (!text.startsWith(`${header}\n`)) return lines;
  for (const raw of text.slice(header.length + 1).split('\n')) {
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    const end = line.indexOf('":');
    // Keys are hashes (base64url): a line that does not start with one is not reused.
    if (line.startsWith('"') && end > 1 && /^[\w-]+$/.test(line.slice(1, end))) lines.set(line.slice(1, end), line);
  }
  return lines;
}

function pack(parsed: ParsedMarkdown): CachedParse {
  const links: Array<string | number> = [];
  for (const l of parsed.links) links.push(l.url, l.kind, l.line, l.column, l.start, l.end);
  const runs: Array<string | number> = [];
  for (const r of parsed.runs) runs.push(r.value, r.kind, r.line, r.column, r.start, r.end, r.lang ?? 0);
  const headings: Array<string | number> = [];
  for (const h of parsed.headings) headings.push(h.text, h.slug, h.line);
  return [links, runs, headings, [...parsed.anchors], parsed.frontmatter];
}

function unpack([flatLinks, flatRuns, flatHeadings, anchors, frontmatter]: CachedParse): ParsedMarkdown {
  // Read by index, not sliced: a warm run unpacks every fact of every file.
  const at = (list: ReadonlyArray<string | number>, i: number): number => list[i] as number;
  const text = (list: ReadonlyArray<string | number>, i: number): string => list[i] as string;
  const links: MarkdownLink[] = [];
  for (let i = 0; i < flatLinks.length; i += 6) {
    links.push({
      line: at(flatLinks, i + 2),
      column: at(flatLinks, i + 3),
      start: at(flatLinks, i + 4),
      end: at(flatLinks, i + 5),
      url: text(flatLinks, i),
      kind: text(flatLinks, i + 1) as MarkdownLink['kind'],
    });
  }
  const runs: TextRun[] = [];
  for (let i = 0; i < flatRuns.length; i += 7) {
    const kind = text(flatRuns, i + 1) as TextRun['kind'];
    const lang = flatRuns[i + 6];
    const run: TextRun = {
      line: at(flatRuns, i + 2),
      column: at(flatRuns, i + 3),
      start: at(flatRuns, i + 4),
      end: at(flatRuns, i + 5),
      value: text(flatRuns, i),
      kind,
    };
    if (typeof lang === 'string') run.lang = lang;
    runs.push(run);
  }
  const headings: Heading[] = [];
  for (let i = 0; i < flatHeadings.length; i += 3)
    headings.push({ text: text(flatHeadings, i), slug: text(flatHeadings, i + 1), line: at(flatHeadings, i + 2) });
  return { links, runs, headings, anchors: new Set(anchors), frontmatter };
}

/** The key of a text: the cache's, and the result cache's hash of what a run read (result-cache.ts). */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
