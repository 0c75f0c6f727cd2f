// What a docs run read and asked, recorded so that a later run can tell cheaply whether it would
// read and be told the same (result-cache.ts). The rules are a function of the files git lists,
// the texts read, HEAD, the config and the clock; everything else they look at goes through a
// probe here: a question put to the file system or to git whose answer is recorded with it
// (node_modules, `git check-ignore`, tracked-ness, work-tree changes, symbolic links). A later run
// that gets the same list, texts, HEAD and answers would compute the same findings.
import { existsSync } from 'node:fs';
import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createGitPathFilter } from './git-paths.js';
import type { HeadState } from './git.js';
import { listGitFiles, listIgnored, listModified, listTrackedFiles, readHeadState } from './git.js';
import type { InsideRead } from './read-inside.js';
import { readInside } from './read-inside.js';
import { walkTree } from './walk-tree.js';

/** A question whose answer the files git lists, their texts and HEAD do not fix, with its answer. */
export type Probe =
  | { kind: 'exists'; path: string; answer: boolean }
  | { kind: 'link'; path: string; answer: string | null }
  | { kind: 'ignored'; tried: string[][]; answer: boolean[] }
  | { kind: 'tracked'; paths: string[]; answer: string[] }
  | { kind: 'modified'; answer: string[] };

/** The trace as stored: texts as hashes ("" for a file not there, ">" for a link out of the repository). */
export interface TraceKey {
  inGit: boolean;
  head: string | null;
  shallow: boolean;
  files: string;
  /** path, hash, path, hash… in the order read. */
  reads: string[];
  probes: Probe[];
}

/** The files the docs check knows: git's (without node_modules), or every file on disk outside git. */
export async function repoFiles(root: string): Promise<{ list: string[]; inGit: boolean }> {
  const gitFiles = await listGitFiles(root);
  // node_modules is never the repository's own, even where .gitignore forgets it.
  // Outside git the tree is walked without following symbolic links (walk-tree.ts), and without
  // the caches, which git ignores (.harness/cache/.gitignore): a run's own cache is not a file of
  // the repository, or a kept run outside git would never match the next one's listing.
  const list =
    gitFiles?.filter((f) => !f.startsWith('node_modules/') && !f.includes('/node_modules/')) ??
    walkTree(root).filter((f) => !f.startsWith('.harness/cache/'));
  return { list, inGit: gitFiles !== undefined };
}

export class RunTrace {
  /** Each file read: its text, or what stood in its place. */
  private readonly reads = new Map<string, InsideRead>();
  private readonly probes: Probe[] = [];
  private readonly existing = new Map<string, boolean>();
  private files: ReadonlySet<string> = new Set();
  private list: readonly string[] = [];
  private inGit = false;
  private head: HeadState | undefined;
  /** Why this run's findings must not be reused (git failed once: it may answer next time). */
  unrepeatable: string | undefined;

  constructor(
    readonly root: string,
    private readonly rootReal: string,
  ) {}

  listed(list: readonly string[], files: ReadonlySet<string>, inGit: boolean): void {
    this.list = list;
    this.files = files;
    this.inGit = inGit;
  }

  headRead(state: HeadState): void {
    this.head = state;
  }

  /** A repository file's text, as readInside gives it, recorded. */
  read(path: string): InsideRead {
    const read = readInside(this.root, this.rootReal, path);
    this.reads.set(path, read);
    return read;
  }

  /** Whether a repository-relative path exists on disk (an installed package's file). */
  exists(path: string): boolean {
    // Asked once per path and run (each missing path, for each dependency of its package).
    let answer = this.existing.get(path);
    if (answer === undefined) {
      answer = this.record({ kind: 'exists', path, answer: askExists(this.root, path) }).answer;
      this.existing.set(path, answer);
    }
    return answer;
  }

  /** The text of the symbolic link at `path`, null when it is none. */
  async link(path: string): Promise<string | null> {
    return this.record({ kind: 'link', path, answer: await askLink(this.root, path) }).answer;
  }

  /** For each list of paths, whether git ignores one of them (throws GitFailure when git cannot say). */
  async ignored(tried: string[][]): Promise<boolean[]> {
    return this.record({ kind: 'ignored', tried, answer: await askIgnored(this.root, this.files, tried) }).answer;
  }

  async tracked(paths: string[]): Promise<Set<string>> {
    return new Set(this.record({ kind: 'tracked', paths, answer: await askTracked(this.root, paths) }).answer);
  }

  async modified(): Promise<Set<string>> {
    return new Set(this.record({ kind: 'modified', answer: await askModified(this.root) }).answer);
  }

  private record<P extends Probe>(probe: P): P {
    this.probes.push(probe);
    return probe;
  }

  /** The trace to store, texts hashed with `hash`; undefined when the run must not be reused. */
  key(hash: (text: string) => string): TraceKey | undefined {
    if (this.unrepeatable !== undefined || (this.inGit && this.head === undefined)) return undefined;
    const reads: string[] = [];
    for (const [path, read] of this.reads) reads.push(path, readHash(read, hash));
    return {
      inGit: this.inGit,
      head: this.head?.head ?? null,
      shallow: this.head?.shallow ?? false,
      files: hash(this.list.join('\0')),
      reads,
      probes: this.probes,
    };
  }
}

function readHash(read: InsideRead, hash: (text: string) => string): string {
  return read === undefined ? '' : 'outside' in read ? '>' : hash(read.text);
}

/**
 * True when a run now would list, read and be told what `key` recorded. Stops at the first
 * difference; the cheap questions come first.
 */
export async function sameAsTraced(
  key: TraceKey,
  root: string,
  rootReal: string,
  hash: (text: string) => string,
): Promise<boolean> {
  const [{ list, inGit }, head] = await Promise.all([repoFiles(root), key.inGit ? readHeadState(root) : undefined]);
  if (inGit !== key.inGit || hash(list.join('\0')) !== key.files) return false;
  if (head !== undefined && ((head.head ?? null) !== key.head || head.shallow !== key.shallow)) return false;
  for (let i = 0; i < key.reads.length; i += 2) {
    const path = key.reads[i] as string;
    if (readHash(readInside(root, rootReal, path), hash) !== key.reads[i + 1]) return false;
  }
  const files = new Set(list);
  for (const probe of key.probes) if (!(await answersAgain(root, files, probe))) return false;
  return true;
}

async function answersAgain(root: string, files: ReadonlySet<string>, probe: Probe): Promise<boolean> {
  const same = (answer: unknown): boolean => JSON.stringify(answer) === JSON.stringify(probe.answer);
  switch (probe.kind) {
    case 'exists':
      return same(askExists(root, probe.path));
    case 'link':
      return same(await askLink(root, probe.path));
    case 'ignored':
      return same(await askIgnored(root, files, probe.tried));
    case 'tracked':
      return same(await askTracked(root, probe.paths));
    case 'modified':
      return same(await askModified(root));
  }
}

function askExists(root: string, path: string): boolean {
  return existsSync(join(root, path));
}

async function askLink(root: string, path: string): Promise<string | null> {
  try {
    return (await lstat(join(root, path))).isSymbolicLink() ? await readlink(join(root, path)) : null;
  } catch {
    return null; // gone from the work tree
  }
}

/**
 * A folder pattern in .gitignore ("bench/.work/") matches only the form with a slash. git is asked
 * only about paths inside the work tree, and about a link instead of what is under it.
 */
async function askIgnored(root: string, files: ReadonlySet<string>, tried: string[][]): Promise<boolean[]> {
  const toGit = createGitPathFilter(root, files);
  const forms = (paths: string[]): string[] =>
    paths.flatMap((t) => [toGit(t), toGit(`${t}/`)]).filter((t) => t !== undefined);
  const ignored = await listIgnored(root, [...new Set(tried.flatMap(forms))]);
  return tried.map((paths) => forms(paths).some((t) => ignored.has(t)));
}

async function askTracked(root: string, paths: string[]): Promise<string[]> {
  return [...(await listTrackedFiles(root, paths))].sort();
}

async function askModified(root: string): Promise<string[]> {
  return [...(await listModified(root))].sort();
}
