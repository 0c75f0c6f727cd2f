// `harness check layers` as a library call: build the import graph, apply the rules, the inline
// suppressions and the baseline, and (with updateBaseline) write the baseline.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LayersConfig } from '@harness/config';
import type { Diagnostic } from '@harness/diagnostics';
import { settleBaseline } from '@harness/diagnostics';
import { applySuppressions } from './apply-suppressions.js';
import type { ImportGraph } from './build-import-graph.js';
import { buildImportGraph, cacheFileName } from './build-import-graph.js';
import type { Violation } from './find-violations.js';
import { findViolations } from './find-violations.js';
import { createLayerModel } from './layer-model.js';
import { docsLink } from './layer-rules.js';

export interface CheckLayersInput {
  root: string;
  config: LayersConfig;
  updateBaseline?: boolean;
  allowGrowth?: boolean;
  dryRun?: boolean;
  /** Keep the per-file cache in .harness/cache/ (default true). */
  cache?: boolean;
}

export interface CheckLayersResult {
  diagnostics: Diagnostic[];
  /** Source files checked. */
  files: number;
  notes: string[];
  graph: ImportGraph;
  /** Every rule finding before suppressions and the baseline (for the graph view). */
  violations: Violation[];
}

export async function checkLayers(input: CheckLayersInput): Promise<CheckLayersResult> {
  const model = createLayerModel(input.config);
  const graph = await buildImportGraph({
    root: input.root,
    ignore: input.config.ignore,
    // Findings of unchanged files are reused only under the very same layers config.
    rulesKey: createHash('sha1').update(JSON.stringify(input.config)).digest('base64url'),
    ...(input.cache === false ? {} : { cacheFile: join(input.root, cacheFileName) }),
  });
  const notes = describeRun(graph, input.config);
  const { violations, byFile } = findViolations(graph, model);
  try {
    await graph.saveCache(byFile);
  } catch (error) {
    // The cache only saves time; a read-only checkout must not fail the check.
    notes.push(`layers: could not write ${cacheFileName} (${error instanceof Error ? error.message : String(error)}); the next run starts cold.`);
  }
  const { kept, problems } = applySuppressions(graph.files, violations);
  const { remaining, stale, note } = await settleBaseline({
    check: 'layers',
    root: input.root,
    path: input.config.baseline,
    findings: kept,
    updateBaseline: input.updateBaseline,
    allowGrowth: input.allowGrowth,
    dryRun: input.dryRun,
    description: 'Known layer violations accepted for now (harness check layers). Shrink it; never grow it by hand.',
    staleDocs: docsLink('stale-baseline'),
  });
  if (note !== undefined) notes.push(note);
  return { diagnostics: [...remaining.map(stripRuleId), ...problems, ...stale], files: graph.files.length, notes, graph, violations };
}

/** What the person running the check should know about this run (stderr lines). */
function describeRun(graph: ImportGraph, config: LayersConfig): string[] {
  const notes: string[] = [];
  if (config.domains.length === 0 && Object.keys(config.paths).length === 0) {
    notes.push('layers: neither layers.domains nor layers.paths is set, so no file has a layer; see docs/layers.md to describe the architecture.');
  }
  if (graph.stats.cacheDiscarded !== undefined) notes.push(`layers: discarded ${cacheFileName} (${graph.stats.cacheDiscarded}); rebuilt it.`);
  for (const file of graph.files) {
    if (file.error !== undefined) notes.push(`layers: could not read the imports of ${file.path} (${file.error}); its imports were not checked.`);
  }
  notes.push(...describeUnresolved(graph));
  return notes;
}

function stripRuleId({ ruleId: _ruleId, ...diagnostic }: Violation): Diagnostic {
  return diagnostic;
}

/** Imports that lead nowhere are not checked; say so, since a typo in tsconfig paths would hide violations. */
function describeUnresolved(graph: ImportGraph): string[] {
  const unresolved = graph.files.filter((f) => f.hasUnresolved).flatMap((f) => f.imports.filter((i) => i.target.kind === 'unresolved').map((i) => `${f.path}:${i.line} '${i.specifier}'`));
  if (unresolved.length === 0) return [];
  const shown = unresolved.slice(0, 5).join(', ');
  const more = unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : '';
  return [`layers: ${unresolved.length} import(s) did not resolve and were not checked: ${shown}${more}. Build workspace packages whose exports point at build output, or fix the specifier.`];
}
