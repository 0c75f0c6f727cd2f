// Parsed markdown kept between runs in .harness/cache/docs.json, keyed by a hash of each file's
// text: parsing is most of a run's time, and most files do not change between runs. A cache that
// cannot be read is ignored; one that cannot be written costs only time. Links and runs are kept as
// arrays, not objects: without a key name per value the file is about half as long, and a warm run
// reads and collects half as much (docs/decisions.md).
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './parse-markdown.js';
import { readInside, realRoot } from './read-inside.js';
import { assertInsideRoot, ensureStateDir, writeFileInside } from 'agent-harness-system';

export const docsCacheFile = '.harness/cache/docs.json';
// Bump when ParsedMarkdown, the parser's settings or the format below change.
const cacheVersion = 4;

/** A link: line, column, start, end, url, kind. */
type CachedLink = [number, number, number, number, string, MarkdownLink['kind']];
/** A run: line, column, start, end, value, kind, and a block's info string. */
type CachedRun = [number, number, number, number, string, TextRun['kind'], string?];

interface CachedParse {
  links: CachedLink[];
  runs: CachedRun[];
  /** Headings: text, slug, line, one after the other. */
  headings: Array<string | number>;
  anchors: string[];
  frontmatter: Frontmatter;
}

function encode(parsed: ParsedMarkdown): CachedParse {
  return {
    links: parsed.links.map((l) => [l.line, l.column, l.start, l.end, l.url, l.kind]),
    runs: parsed.runs.map((r) =>
      r.lang === undefined
        ? [r.line, r.column, r.start, r.end, r.value, r.kind]
        : [r.line, r.column, r.start, r.end, r.value, r.kind, r.lang],
    ),
    headings: parsed.headings.flatMap((h) => [h.text, h.slug, h.line]),
    anchors: [...parsed.anchors],
    frontmatter: parsed.frontmatter,
  };
}

function decode(cached: CachedParse): ParsedMarkdown {
  const headings: Heading[] = [];
  const h = cached.headings;
  for (let i = 0; i + 2 < h.length; i += 3)
    headings.push({ text: h[i] as string, slug: h[i + 1] as string, line: h[i + 2] as number });
  return {
    links: cached.links.map(([line, column, start, end, url, kind]) => ({ line, column, start, end, url, kind })),
    runs: cached.runs.map(([line, column, start, end, value, kind, lang]) =>
      lang === undefined ? { line, column, start, end, value, kind } : { line, column, start, end, value, kind, lang },
    ),
    headings,
    anchors: new Set(cached.anchors),
    frontmatter: cached.frontmatter,
  };
}

export class ParseCache {
  /** Entries not looked up yet, as read; one looked up moves to `used`, read into objects. */
  private readonly entries: Map<string, CachedParse>;
  private readonly loaded: number;
  private readonly used = new Map<string, ParsedMarkdown>();
  /** Each text's hash, worked out once: a file missing from the cache is looked up, then stored. */
  private readonly keys = new Map<string, string>();
  private changed = false;

  private constructor(entries: Map<string, CachedParse>) {
    this.entries = entries;
    this.loaded = entries.size;
  }

  /** The cache at `path` in `root`; empty when there is none, it cannot be read, or it is a link out of the repository. */
  static load(root: string, path: string | undefined): ParseCache {
    if (path === undefined) return new ParseCache(new Map());
    try {
      const read = readInside(root, realRoot(root), path, true);
      if (read === undefined || !('text' in read)) return new ParseCache(new Map());
      const doc = JSON.parse(read.text) as { version?: number; entries?: Record<string, CachedParse> };
      if (doc.version !== cacheVersion || doc.entries === undefined) return new ParseCache(new Map());
      return new ParseCache(new Map(Object.entries(doc.entries)));
    } catch {
      return new ParseCache(new Map());
    }
  }

  /** True when nothing was cached (a first run, a new cache version): every file will be parsed. */
  get empty(): boolean {
    return this.loaded === 0;
  }

  /** The cached parse of `text`, if any. Its entry as read is dropped: the run keeps one copy. */
  lookup(text: string): ParsedMarkdown | undefined {
    const key = this.keyOf(text);
    const done = this.used.get(key);
    if (done !== undefined || !this.entries.has(key)) return done;
    const parsed = decode(this.entries.get(key) as CachedParse);
    this.entries.delete(key);
    this.used.set(key, parsed);
    return parsed;
  }

  store(text: string, parsed: ParsedMarkdown): void {
    this.used.set(this.keyOf(text), parsed);
    this.changed = true;
  }

  private keyOf(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) this.keys.set(text, (key = hash(text)));
    return key;
  }

  /**
   * Writes the entries this run used (so deleted files drop out), when anything changed, to `path`
   * in `root`: never through a symbolic link out of the repository (a `.harness` linked elsewhere).
   */
  async save(root: string, path: string): Promise<void> {
    if (!this.changed && this.used.size === this.loaded) return;
    await assertInsideRoot(root, path);
    await ensureStateDir(dirname(join(root, path)));
    await writeFileInside(
      root,
      path,
      JSON.stringify({
        version: cacheVersion,
        entries: Object.fromEntries([...this.used].map(([key, parsed]) => [key, encode(parsed)])),
      }),
    );
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
