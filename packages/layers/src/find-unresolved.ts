// layers/unresolved findings, computed fresh every run (they depend on .gitignore, which does not
// key the cache): every import that led nowhere is a finding, unless where it would land is a
// place git ignores (generated code, build output), which is expected to be absent before a
// build and only counted.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportGraph } from './build-import-graph.js';
import type { UnresolvedTarget } from './create-import-resolver.js';
import type { Violation } from './find-violations.js';
import { docsLink } from './layer-rules.js';
import { describeUnresolved } from './rules/unresolved.js';
import { runGit } from './run-git.js';

export interface UnresolvedFound {
  violations: Violation[];
  /** Imports into git-ignored places, not judged. */
  ignored: number;
  /** Imports of names that are neither a file, an npm package nor a tsconfig alias (`virtual:x`): not judged. */
  unknown: number;
  /** Set when git could not say which places it ignores (every such import is then a finding). */
  gitFailed?: boolean;
}

export async function findUnresolved(root: string, graph: ImportGraph, git: boolean): Promise<UnresolvedFound> {
  const found: { file: string; line: number; column: number; specifier: string; typeOnly: boolean; target: UnresolvedTarget }[] = [];
  for (const file of graph.files) {
    if (!file.hasUnresolved) continue;
    for (const edge of file.imports) {
      if (edge.target.kind === 'unresolved') found.push({ file: file.path, line: edge.line, column: edge.column, specifier: edge.specifier, typeOnly: edge.typeOnly, target: edge.target });
    }
  }
  if (found.length === 0) return { violations: [], ignored: 0, unknown: 0 };
  const candidates = [...new Set(found.flatMap((f) => (f.target.candidate === undefined ? [] : [f.target.candidate])))];
  const ignored = git ? await gitIgnored(root, candidates) : new Set<string>();
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
 * A candidate may name a folder (`./generated` for its index file): its `index` is asked too, since
 * a folder pattern (`generated/`) matches only what is inside it.
 */
async function gitIgnored(root: string, candidates: readonly string[]): Promise<Set<string> | undefined> {
  const underLink = createLinkTest(root);
  const asked = candidates.filter((c) => !underLink(c) && !c.includes('\0'));
  if (asked.length === 0) return new Set();
  const input = asked.flatMap((c) => [c, `${c}/index`]).join('\0');
  const result = await runGit(root, ['check-ignore', '--stdin', '-z'], `${input}\0`);
  // 0: some are ignored, 1: none is; anything else is git failing.
  if (result.code !== 0 && result.code !== 1) return undefined;
  const askedSet = new Set(asked);
  const ignored = new Set<string>();
  for (const path of result.stdout.split('\0')) if (path !== '') ignored.add(path.endsWith('/index') && !askedSet.has(path) ? path.slice(0, -'/index'.length) : path);
  return ignored;
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
