// Parsed markdown kept between runs in .harness/cache/docs.json, keyed by a hash of each file's
// text: parsing is most of a run's time, and most files do not change between runs. A cache that
// cannot be read is ignored; one that cannot be written costs only time.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Frontmatter, Heading, MarkdownLink, ParsedMarkdown, TextRun } from './parse-markdown.js';
import { readInside, realRoot } from './read-inside.js';
import { assertInsideRoot, ensureStateDir, writeFileInside } from 'agent-harness-system';

export const docsCacheFile = '.harness/cache/docs.json';
// Bump when ParsedMarkdown or the parser's settings change.
const cacheVersion = 3;

interface CachedParse {
  links: MarkdownLink[];
  runs: TextRun[];
  headings: Heading[];
  anchors: string[];
  frontmatter: Frontmatter;
}

export class ParseCache {
  private readonly entries: Map<string, CachedParse>;
  private readonly used = new Map<string, CachedParse>();
  /** Each text's hash, worked out once: a file missing from the cache is looked up, then stored. */
  private readonly keys = new Map<string, string>();
  private changed = false;

  private constructor(entries: Map<string, CachedParse>) {
    this.entries = entries;
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
    return this.entries.size === 0;
  }

  /** The cached parse of `text`, if any. */
  lookup(text: string): ParsedMarkdown | undefined {
    const key = this.keyOf(text);
    const cached = this.entries.get(key);
    if (cached === undefined) return undefined;
    this.used.set(key, cached);
    return { ...cached, anchors: new Set(cached.anchors) };
  }

  store(text: string, parsed: ParsedMarkdown): void {
    this.used.set(this.keyOf(text), { ...parsed, anchors: [...parsed.anchors] });
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
    if (!this.changed && this.used.size === this.entries.size) return;
    await assertInsideRoot(root, path);
    await ensureStateDir(dirname(join(root, path)));
    await writeFileInside(
      root,
      path,
      JSON.stringify({ version: cacheVersion, entries: Object.fromEntries(this.used) }),
    );
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
