// docs/stale's history, kept in .harness/cache/docs-history.json with the commit it was read at.
// The history of a commit never changes, and `git log --name-status -M` over a long history is the
// largest part of a warm run's git time (0.12 s of CPU for 200 commits of a 10,000-file tree), so
// it runs again only when HEAD names another commit. A cache that cannot be read is ignored; one
// that cannot be written costs only time (the parse cache beside it says so when the folder is
// read-only).
import { dirname, join } from 'node:path';
import { assertInsideRoot, ensureStateDir, writeFileInside } from 'agent-harness-system';
import type { GitHistory } from './git.js';
import { readHistory } from './git.js';
import { readInside, realRoot } from './read-inside.js';

export const historyCacheFile = '.harness/cache/docs-history.json';
const cacheVersion = 1;

/**
 * Every path the history touched with its last change and its number of commits (the two maps
 * have the same keys), and the renames as from, to, from, to…
 */
interface CachedHistory {
  version: number;
  head: string;
  paths: string[];
  times: number[];
  counts: number[];
  renames: string[];
}

/** The history of commit `head`, from the cache when it was read at that commit, else from git (and then cached). */
export async function historyAt(root: string, head: string): Promise<GitHistory | undefined> {
  const cached = load(root, head);
  if (cached !== undefined) return cached;
  const history = await readHistory(root, head);
  if (history !== undefined) await save(root, head, history).catch(() => undefined);
  return history;
}

function load(root: string, head: string): GitHistory | undefined {
  try {
    const read = readInside(root, realRoot(root), historyCacheFile, true);
    if (read === undefined || !('text' in read)) return undefined;
    const doc = JSON.parse(read.text) as Partial<CachedHistory>;
    if (doc.version !== cacheVersion || doc.head !== head || !wellFormed(doc)) return undefined;
    const lastChanged = new Map<string, number>();
    const commits = new Map<string, number>();
    for (const [i, path] of doc.paths.entries()) {
      lastChanged.set(path, doc.times[i] as number);
      commits.set(path, doc.counts[i] as number);
    }
    const renamedTo = new Map<string, string>();
    for (let i = 0; i < doc.renames.length; i += 2)
      renamedTo.set(doc.renames[i] as string, doc.renames[i + 1] as string);
    return { lastChanged, renamedTo, commits };
  } catch {
    return undefined;
  }
}

function wellFormed(doc: Partial<CachedHistory>): doc is CachedHistory {
  const { paths, times, counts, renames } = doc;
  return (
    Array.isArray(paths) &&
    Array.isArray(times) &&
    Array.isArray(counts) &&
    Array.isArray(renames) &&
    times.length === paths.length &&
    counts.length === paths.length &&
    renames.length % 2 === 0 &&
    paths.every((p) => typeof p === 'string') &&
    times.every((t) => typeof t === 'number') &&
    counts.every((c) => typeof c === 'number') &&
    renames.every((r) => typeof r === 'string')
  );
}

async function save(root: string, head: string, history: GitHistory): Promise<void> {
  const paths = [...history.lastChanged.keys()];
  const doc: CachedHistory = {
    version: cacheVersion,
    head,
    paths,
    times: paths.map((p) => history.lastChanged.get(p) ?? 0),
    counts: paths.map((p) => history.commits.get(p) ?? 0),
    renames: [...history.renamedTo].flat(),
  };
  await assertInsideRoot(root, historyCacheFile);
  await ensureStateDir(dirname(join(root, historyCacheFile)));
  await writeFileInside(root, historyCacheFile, JSON.stringify(doc), { durable: false });
}
