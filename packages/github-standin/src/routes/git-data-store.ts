// The stand-in's Git database (https://docs.github.com/en/rest/git): trees, commits and refs made
// through the REST API, kept per repository beside the StateStore. Object ids are SHA-1s of the
// objects' content in git's own format, so the same tree or commit gets the same id, as on GitHub.
// Refs the API did not make (branches pushed to the test's bare repository) are read through the
// pull state's `resolveRef`.
import { createHash } from 'node:crypto';
import type { StandinRepository } from '../state-store.js';

export interface StoredTreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export interface StoredGitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

export interface GitDataState {
  blobs: Map<string, string>;
  trees: Map<string, StoredTreeEntry[]>;
  commits: Map<string, StoredGitCommit>;
  /** Full ref name (`refs/harness/lease/issue-3`) → commit SHA. */
  refs: Map<string, string>;
}

const states = new WeakMap<StandinRepository, GitDataState>();

export function gitDataOf(repository: StandinRepository): GitDataState {
  let state = states.get(repository);
  if (state === undefined) {
    state = { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() };
    states.set(repository, state);
  }
  return state;
}

const objectId = (kind: string, content: string): string =>
  createHash('sha1')
    .update(`${kind} ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');

export function storeBlob(state: GitDataState, content: string): string {
  const sha = objectId('blob', content);
  state.blobs.set(sha, content);
  return sha;
}

export function storeTree(state: GitDataState, entries: StoredTreeEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sha = objectId('tree', sorted.map((e) => `${e.mode} ${e.path}\0${e.sha}`).join(''));
  state.trees.set(sha, sorted);
  return sha;
}

export function storeCommit(state: GitDataState, fields: Omit<StoredGitCommit, 'sha'>): StoredGitCommit {
  const who = `${fields.author.name} <${fields.author.email}> ${Math.floor(Date.parse(fields.author.date) / 1000)} +0000`;
  const text = [
    `tree ${fields.tree}`,
    ...fields.parents.map((p) => `parent ${p}`),
    `author ${who}`,
    `committer ${who}`,
    '',
    fields.message,
  ].join('\n');
  const commit = { ...fields, sha: objectId('commit', text) };
  state.commits.set(commit.sha, commit);
  return commit;
}

/** Whether `descendant` is `ancestor` or has it among its ancestors (the fast-forward test of a ref update). */
export function descendsFrom(state: GitDataState, descendant: string, ancestor: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(state.commits.get(sha)?.parents ?? []));
  }
  return false;
}
