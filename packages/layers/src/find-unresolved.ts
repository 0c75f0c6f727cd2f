// layers/unresolved findings, computed fresh every run (they depend on .gitignore, which does not
// key the cache): every import that led nowhere is a finding, unless where it would land is a
// place git ignores (generated code, build output), which is expected to be absent before a
// build and only counted.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { listIgnoredPaths } from 'agent-harness-system';
import type { ImportGraph } from './layers-types.js';
import type { UnresolvedTarget } from './create-import-resolver.js';
import type { Violation } from './find-violations.js';
import { docsLink } from './layer-rules.js';
import { describeUnresolved } from './rules/unresolved.js';
import { sourceExtensions } from './list-project-files.js';

export interface UnresolvedFound {
  violations: Violation[];
  /** Imports into git-ignored places, not judged. */
  ignored: number;
  /** Imports of names that are neither a file, an npm package nor a tsconfig alias (`virtual:x`): not judged. */
  unknown: number;
  /** Set when git could not say which places it ignores (every such import is then a finding). */
  gitFailed?: boolean;
}

/** An import that led nowhere, before git says whether where it would land is ignored. */
interface FoundImport {
  file: string;
  line: number;
  column: number;
  specifier: string;
  typeOnly: boolean;
  target: UnresolvedTarget;
}

export function collectUnresolved(graph: ImportGraph): FoundImport[] {
  const found: FoundImport[] = [];
  for (const file of graph.files) {
    if (!file.hasUnresolved) continue;
    for (const edge of file.imports) {
      if (edge.target.kind === 'unresolved')
        found.push({
          file: file.path,
          line: edge.line,
          column: edge.column,
          specifier: edge.specifier,
          typeOnly: edge.typeOnly,
          target: edge.target,
        });
    }
  }
  return found;
}

export async function findUnresolved(root: string, graph: ImportGraph, git: boolean): Promise<UnresolvedFound> {
  const found = collectUnresolved(graph);
  if (found.length === 0) return { violations: [], ignored: 0, unknown: 0 };
  const ignored = git
    ? await gitIgnored(root, unresolvedCandidates(found), graph.listing?.gitListed)
    : new Set<string>();
  return judgeUnresolved(found, ignored);
}

/** Where the unresolved imports would land: the paths to ask git about. */
export function unresolvedCandidates(found: readonly FoundImport[]): string[] {
  return [...new Set(found.flatMap((f) => (f.target.candidate === undefined ? [] : [f.target.candidate])))];
}

/** The findings and counts, given the candidates git ignores (undefined: git could not say). */
export function judgeUnresolved(
  found: readonly FoundImport[],
  ignored: ReadonlySet<string> | undefined,
): UnresolvedFound {
  const result: UnresolvedFound = { violations: [], ignored: 0, unknown: 0 };
  if (ignored === undefined) result.gitFailed = true;
  for (const f of found) {
    if (f.target.reason === 'unknown') {
      result.unknown += 1;
      continue;
    }
    if (f.target.candidate !== undefined && ignored?.has(f.target.candidate) === true) {
      result.ignored += 1;
      continue;
    }
    result.violations.push({
      check: 'layers',
      rule: 'layers/unresolved',
      ruleId: 'unresolved',
      severity: 'error',
      file: f.file,
      line: f.line,
      column: f.column,
      target: f.specifier,
      typeOnly: f.typeOnly,
      ...describeUnresolved(f.specifier, f.target),
      docs: docsLink('unresolved'),
    });
  }
  return result;
}

/**
 * The candidates git ignores, asked in one `git check-ignore --stdin`. A path git would refuse
 * (one under a symlinked folder: "beyond a symbolic link") is not asked; it counts as not ignored.
 * A candidate is asked as the files the resolver would have taken for it, since an ignore pattern
 * names the file the generator writes: `./routeTree.gen` for `routeTree.gen.ts`, `./api.js` for
 * `api.ts`, `./generated` for `generated/index.ts` (a folder pattern, `generated/`, matches only
 * what is inside the folder).
 */
async function gitIgnored(
  root: string,
  candidates: readonly string[],
  gitListed: readonly string[] | undefined,
): Promise<Set<string> | undefined> {
  const candidateOf = ignoreQuestions(root, candidates);
  if (candidateOf.size === 0) return new Set();
  // A tracked file is not ignored, whatever the patterns say. git's listing has every tracked path,
  // so git is asked without its index and the listed paths are dropped from its answer: asking with
  // the index took ten times as long (0.8 s against 0.08 s for router's 4,616 paths).
  const listed = gitListed === undefined ? undefined : new Set(gitListed);
  let paths: Set<string>;
  try {
    paths = await listIgnoredPaths(root, [...candidateOf.keys()], { noIndex: listed !== undefined });
  } catch (error) {
    if (error instanceof HarnessError) return undefined; // git failed or is not installed: nothing is known
    throw error;
  }
  const ignored = new Set<string>();
  for (const path of paths) {
    const candidate = candidateOf.get(path);
    if (candidate !== undefined && listed?.has(path) !== true) ignored.add(candidate);
  }
  return ignored;
}

const extensions = [...sourceExtensions.map((extension) => `.${extension}`), '.d.ts', '.json'];
const typescriptFor: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The paths to ask git about (a candidate under a symlinked folder is not asked), each with its candidate. */
export function ignoreQuestions(root: string, candidates: readonly string[]): Map<string, string> {
  const underLink = createLinkTest(root);
  const candidateOf = new Map<string, string>();
  for (const candidate of candidates) {
    if (underLink(candidate) || candidate.includes('\0')) continue;
    for (const path of filesFor(candidate)) if (!candidateOf.has(path)) candidateOf.set(path, candidate);
  }
  return candidateOf;
}

/** The paths an import of `candidate` could have landed on: itself, with an extension, or a folder's index. */
function filesFor(candidate: string): string[] {
  const extension = /\.[cm]?jsx?$/.exec(candidate)?.[0];
  const swapped =
    extension === undefined
      ? []
      : (typescriptFor[extension] ?? []).map((ts) => candidate.slice(0, -extension.length) + ts);
  return [
    candidate,
    ...swapped,
    ...extensions.map((ext) => candidate + ext),
    `${candidate}/index`,
    ...extensions.map((ext) => `${candidate}/index${ext}`),
  ];
}

/** Whether one of a path's existing folders is a symlink. */
function createLinkTest(root: string): (path: string) => boolean {
  const folders = new Map<string, boolean>();
  return (path) => {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      const folder = path.slice(0, i);
      let link = folders.get(folder);
      if (link === undefined) {
        try {
          link = lstatSync(join(root, folder)).isSymbolicLink();
        } catch {
          link = false;
        }
        folders.set(folder, link);
      }
      if (link) return true;
    }
    return false;
  };
}
