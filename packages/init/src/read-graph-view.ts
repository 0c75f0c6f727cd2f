// The import graph init proposes from is the one `harness check layers` builds
// (agent-harness-layers' buildImportGraph: the same file listing, ignores and
// resolver, workspace packages resolved to their sources when their build
// output is absent), reduced to its files and the imports of repository files. What the
// proposal leaves out is what the written config ignores, so a fit counted here
// is what the check will find.
import { join } from 'node:path';
import type { ImportGraph, ResolvedTarget } from 'agent-harness-layers';
import { buildCachedImportGraph, cacheFileName } from 'agent-harness-layers';
import type { GraphView, GraphViewEdge } from './proposals/candidate.js';

/**
 * Files the proposal does not judge, written as `layers.ignore` with it: tests, stories, mocks,
 * and scaffolding (templates, examples, e2e apps), which are not the architecture of the code.
 * Test fixtures the layers check leaves out by itself.
 */
export const proposalIgnores = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.stories.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/templates/**',
  '**/examples/**',
];

/** The unresolved imports the layers check reports (`layers/unresolved`); the others it cannot judge. */
const judged = new Set(['relative', 'alias', 'workspace']);

/** The layers check's cache (`.harness/cache/layers.json`) as a graph build leaves it. */
export type ImportCache = Awaited<ReturnType<typeof buildCachedImportGraph>>['cache'];

export interface GraphRead {
  view: GraphView;
  /** Relative, aliased or workspace imports that resolved to no file (a broken alias, a package without sources). */
  unresolved: number;
  /**
   * Imports of a workspace package whose build output is absent (a fresh clone) and whose sources
   * the resolver could not find: counted as edges to the package (where the import would land), so
   * a contract between packages is measured on them; the check judges them once the packages are built.
   */
  unbuilt: number;
}

/**
 * The graph, and what reading it learnt in the layers check's cache format, for applyInit to write
 * before the check runs (every file read and lexed once). The cache a check left is read, so a rerun
 * starts warm, but nothing is written here: --dry-run writes nothing.
 */
export async function readGraphView(root: string): Promise<GraphRead & { cache: ImportCache | undefined }> {
  const built = await buildCachedImportGraph({ root, ignore: proposalIgnores, cacheFile: join(root, cacheFileName) });
  return { ...reduceGraph(built.graph), cache: built.changed ? built.cache : undefined };
}

export function reduceGraph(graph: ImportGraph): GraphRead {
  const files = graph.files.map((f) => f.path);
  const edges: GraphViewEdge[] = [];
  const read: GraphRead = { view: { files, edges }, unresolved: 0, unbuilt: 0 };
  for (const file of graph.files) {
    for (const { target, typeOnly } of file.imports) {
      const to = edgeTarget(target);
      if (to === 'unresolved') read.unresolved += 1;
      else if (to !== undefined && to.path !== file.path) {
        if (to.unbuilt) read.unbuilt += 1;
        edges.push({ from: file.path, to: to.path, typeOnly });
      }
    }
  }
  return read;
}

type EdgeTarget = { path: string; unbuilt: boolean } | 'unresolved' | undefined;

function edgeTarget(target: ResolvedTarget): EdgeTarget {
  // Every file target, as the check judges it: also declaration files and files the listing leaves out.
  if (target.kind === 'file') return { path: target.path, unbuilt: false };
  if (target.kind !== 'unresolved' || !judged.has(target.reason ?? '')) return undefined;
  // `packages/core/dist/index.js`: not in the graph, but in the package a contract between packages names.
  if (target.reason === 'workspace' && target.candidate !== undefined) return { path: target.candidate, unbuilt: true };
  return 'unresolved';
}
