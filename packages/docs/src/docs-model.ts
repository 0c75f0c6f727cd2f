// Everything the docs rules look at, read once: the files git knows, every markdown file parsed,
// the workspace's packages and scripts, the Codex settings, and the git history (read while the
// files are parsed).
import { posix } from 'node:path';
import type { DocsConfig } from 'agent-harness-config';
import { testFixtureGlobs } from 'agent-harness-config/load';
import picomatch from 'picomatch';
import type { CodexSettings } from './codex-settings.js';
import { readCodexSettings } from './codex-settings.js';
import type { DocSite } from './doc-sites.js';
import { findSites } from './doc-sites.js';
import type { GitHistory } from './git.js';
import type { HeadState } from './git.js';
import { readHeadState, readHistory } from './git.js';
import { historyAt } from './history-cache.js';
import type { ParseCache } from './parse-cache.js';
import { maxParsedLength } from './markdown-limits.js';
import type { ParsedMarkdown } from './parse-markdown.js';
import type { ParsePool } from './parse-in-parallel.js';
import { startParsePool } from './parse-in-parallel.js';
import { realRoot } from './read-inside.js';
import type { Workspace } from './read-workspace.js';
import { readWorkspace } from './read-workspace.js';
import { RunTrace, repoFiles } from './run-trace.js';

export interface MarkdownDoc extends ParsedMarkdown {
  path: string;
  text: string;
  bytes: number;
  lines: number;
}

export interface DocsModel {
  root: string;
  config: DocsConfig;
  /** Repository-relative paths of the files git knows (or every file, outside git). */
  files: ReadonlySet<string>;
  /** Every folder holding a known file, "" for the root. */
  dirs: ReadonlySet<string>;
  /** Parsed markdown files, in scope (fixtures and templates describe other repositories). */
  docs: ReadonlyMap<string, MarkdownDoc>;
  workspace: Workspace;
  codex: CodexSettings;
  inGit: boolean;
  /** The documentation sites found from their generators' configs (doc-sites.ts). */
  sites: readonly DocSite[];
  /** Files that are symlinks, repository-relative → their link text. */
  symlinks: ReadonlyMap<string, string>;
  /** The history, read on first use; undefined outside git, with no commits, or on a shallow clone. */
  history(): Promise<GitHistory | undefined>;
  shallow(): Promise<boolean>;
  /** Files changed in the work tree since HEAD, read on first use. */
  modified(): Promise<Set<string>>;
  now: number;
  /** What the rules could not check, and why: shown with the result, never dropped silently. */
  notes: string[];
  /** What this run read and asked beyond the model (result-cache.ts): rules ask the file system and git through it. */
  trace: RunTrace;
}

/**
 * Markdown that is not this repository's docs: test fixtures and the templates `harness init`
 * copies describe other repositories; changesets are release notes waiting for a release.
 */
const fixtureGlobs: string[] = [...testFixtureGlobs];
const foreignGlobs = [...fixtureGlobs, '**/templates/**', '.changeset/**'];
const isFixture = withLiterals(fixtureGlobs);
const isForeign = withLiterals(foreignGlobs);

/**
 * A matcher that first asks whether the path holds a glob's fixed text (`fixtures`, `.changeset`):
 * a path without it cannot match, and most of a monorepo's 10,000 files are then never run through
 * the globs' regular expressions (a fixture-folder glob is a costly one). Only for globs of stars
 * and fixed text; any other glob is matched as it is.
 */
function withLiterals(globs: readonly string[]): (path: string) => boolean {
  const matches = picomatch([...globs], { dot: true });
  if (globs.some((g) => /[?[\]{}()!+@\\]/.test(g))) return matches;
  const literals = globs.map((g) => g.split(/[*/]+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
  if (literals.some((l) => l === '')) return matches;
  return (path) => literals.some((l) => path.includes(l)) && matches(path);
}
const markdown = /\.(?:md|markdown|mdx)$/i;

export interface BuildModelInput {
  root: string;
  config: DocsConfig;
  /** Unix seconds; injectable for tests. */
  now?: number;
  /** Parse results kept between runs; none when undefined. */
  cache?: ParseCache;
  /** Keep the git history read for docs/stale in .harness/cache between runs (history-cache.ts). */
  historyCache?: boolean;
}

export async function buildDocsModel(input: BuildModelInput): Promise<DocsModel> {
  // With nothing cached every file is parsed: start the workers now, so that loading the parser
  // in them overlaps listing and reading the files.
  let pool = input.cache === undefined || input.cache.empty ? startParsePool() : undefined;
  try {
    return await buildModel(input, () => (pool ??= startParsePool()));
  } finally {
    pool?.close();
  }
}

async function buildModel(input: BuildModelInput, pool: () => ParsePool): Promise<DocsModel> {
  const { root, config } = input;
  const { list, inGit } = await repoFiles(root);
  const files = new Set(list);
  const trace = new RunTrace(root, realRoot(root));
  trace.listed(list, files, inGit);
  const dirs = new Set<string>(['']);
  for (const f of list) for (let d = posix.dirname(f); d !== '.' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
  const notes: string[] = [];
  const mdPaths = docsInScope(list, config, notes);
  const git = gitReaders(trace, inGit, input.historyCache === true);
  // docs/stale reads the whole history: start git now, so that it runs while the files are parsed.
  // (Its failure is the rule's to report; here it must not be an unhandled rejection.)
  git.history().catch(() => undefined);
  const ownFiles = list.filter((f) => !isForeign(f));
  const read = (path: string) => trace.read(path);
  const sites = findSites(ownFiles, dirs, (path) => {
    const file = read(path);
    return file === undefined || 'outside' in file ? undefined : file.text;
  });
  const docsRead = readDocs({ trace, notes }, mdPaths, input.cache, pool);
  const workspace = readWorkspace(read, ownFiles);
  const codex = readCodexSettings(read, config);
  const [docs, symlinks] = await Promise.all([docsRead, findSymlinks(trace, mdPaths)]);
  const model: DocsModel = {
    root,
    config,
    files,
    dirs,
    docs,
    workspace,
    codex,
    sites,
    symlinks,
    inGit,
    now: input.now ?? Math.floor(Date.now() / 1000),
    notes,
    trace,
    ...git,
  };
  return model;
}

/** The model's git questions, each asked once, on first use; none outside git. */
function gitReaders(
  trace: RunTrace,
  inGit: boolean,
  historyCache: boolean,
): Pick<DocsModel, 'history' | 'shallow' | 'modified'> {
  const { root } = trace;
  let history: Promise<GitHistory | undefined> | undefined;
  let head: Promise<HeadState> | undefined;
  let modified: Promise<Set<string>> | undefined;
  const readHead = (): Promise<HeadState> =>
    (head ??= inGit
      ? readHeadState(root).then((state) => {
          trace.headRead(state);
          return state;
        })
      : Promise.resolve({ shallow: false, head: undefined }));
  return {
    shallow: async () => (await readHead()).shallow,
    history: () =>
      (history ??= (async () => {
        const state = await readHead();
        if (!inGit || state.shallow || state.head === undefined) return undefined;
        return historyCache ? historyAt(root, state.head) : readHistory(root, state.head);
      })()),
    modified: () => (modified ??= inGit ? trace.modified() : Promise.resolve(new Set<string>())),
  };
}

/** The markdown files the rules read, sorted; a note says how many were left out, and why. */
function docsInScope(list: readonly string[], config: DocsConfig, notes: string[]): string[] {
  const ignored = config.ignore.length === 0 ? () => false : picomatch(config.ignore, { dot: true });
  const left = { fixture: 0, ignore: 0 };
  const paths = list.filter((f) => {
    if (!markdown.test(f)) return false;
    if (isFixture(f)) left.fixture++;
    else if (ignored(f)) left.ignore++;
    else return !isForeign(f);
    return false;
  });
  const why = [
    left.fixture > 0 ? `${left.fixture} in test fixtures (${fixtureGlobs.join(', ')})` : '',
    left.ignore > 0 ? `${left.ignore} matching docs.ignore` : '',
  ].filter((w) => w !== '');
  if (why.length > 0)
    notes.push(`docs: ${left.fixture + left.ignore} markdown file(s) not checked: ${why.join('; ')}.`);
  return paths.sort();
}

interface ReadPlace {
  trace: RunTrace;
  notes: string[];
}

async function readDocs(
  place: ReadPlace,
  paths: readonly string[],
  cache: ParseCache | undefined,
  pool: () => ParsePool,
): Promise<Map<string, MarkdownDoc>> {
  const docs = new Map<string, MarkdownDoc>();
  // Read one after the other: a thousand small files take 30 ms this way, and 200 ms as a thousand
  // promises (each an open, a stat, reads and a close on libuv's four threads).
  const present = paths.flatMap((path) => {
    const read = place.trace.read(path);
    if (read === undefined) return []; // deleted in the work tree but still in the index
    if ('outside' in read) {
      place.notes.push(`docs: ${path} not read: it is a symbolic link to a file outside the repository.`);
      return [];
    }
    return [{ path, text: read.text }];
  });
  // A file too long for the parser is scanned here, line by line, and not cached: scanning is cheap,
  // and its facts (a 20 MB file of links) would be costly to copy between threads and to store.
  const parsed = present.map((e) => (e.text.length > maxParsedLength ? undefined : cache?.lookup(e.text)));
  const tooLong = present.flatMap((e, i) => (e.text.length > maxParsedLength ? [i] : []));
  if (tooLong.length > 0) {
    // The parser is loaded only when a file needs it: a warm run whose files are cached never loads it.
    const { parseMarkdown } = await import('./parse-markdown.js');
    for (const i of tooLong) parsed[i] = parseMarkdown((present[i] as { text: string }).text);
  }
  const missing = present.flatMap((e, i) => (parsed[i] === undefined ? [i] : []));
  const fresh =
    missing.length === 0 ? [] : await pool().parse(missing.map((i) => (present[i] as { text: string }).text));
  for (const [n, i] of missing.entries()) {
    const result = fresh[n] as ParsedMarkdown;
    if (result.lineScanned === undefined) cache?.store((present[i] as { text: string }).text, result);
    parsed[i] = result;
  }
  for (const [i, { path, text }] of present.entries()) {
    const lines = lineCount(text);
    const facts = parsed[i] as ParsedMarkdown;
    if (facts.lineScanned !== undefined)
      place.notes.push(
        `docs: ${path} was read line by line, not parsed as CommonMark: ${facts.lineScanned}. Links, code spans, headings and fenced code on one line are checked; a link spread over lines is not.`,
      );
    docs.set(path, { ...facts, path, text, bytes: Buffer.byteLength(text), lines });
  }
  return docs;
}

/** Lines in `text`, a last line without its newline included (counted, not split: 2 MB of docs split is 20 ms). */
export function lineCount(text: string): number {
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines++;
  return text === '' || text.endsWith('\n') ? newlines : newlines + 1;
}

/** Instruction files may be symlinks (CLAUDE.md → AGENTS.md); git lists the link itself. */
async function findSymlinks(trace: RunTrace, paths: readonly string[]): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const candidates = paths.filter((p) =>
    /^(?:CLAUDE|GEMINI|AGENTS|copilot-instructions)\.md$/i.test(posix.basename(p)),
  );
  for (const path of candidates) {
    const link = await trace.link(path);
    if (link !== null) links.set(path, link);
  }
  return links;
}
