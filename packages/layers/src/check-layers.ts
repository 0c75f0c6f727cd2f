// `harness check layers` as a library call: build the import graph, apply the rules, the inline
// suppressions and the baseline, and (with updateBaseline) write the baseline.
import { createHash } from 'node:crypto';
import { isAbsolute, join, posix } from 'node:path';
import type { LayersConfig } from 'agent-harness-config';
import { testFixtureGlobs } from 'agent-harness-config/load';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { HarnessError } from 'agent-harness-diagnostics';
import { findEscape, settleBaseline } from 'agent-harness-system';
import { applySuppressions } from './apply-suppressions.js';
import type { CachedImportGraph } from './build-import-graph.js';
import { buildCachedImportGraph, cacheFileName } from './build-import-graph.js';
import type { Violation, ViolationsFound } from './find-violations.js';
import type { UnresolvedFound } from './find-unresolved.js';
import { findUnresolved } from './find-unresolved.js';
import { createFileJudge, findViolations } from './find-violations.js';
import { checkConfigGlobs } from './check-config-globs.js';
import { saveImportCache } from './import-cache.js';
import type { ImportGraph, LayerModel } from './layers-types.js';
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
  /** CheckOptions.judgedByBase: the base's baseline bounds this one; unmatched globs are returned, not thrown. */
  judgedByBase?: { ref: string; commit: string; acceptedBaselines?: readonly string[] | undefined } | undefined;
}

export interface CheckLayersResult {
  diagnostics: Diagnostic[];
  /** Source files checked. */
  files: number;
  notes: string[];
  graph: ImportGraph;
  /** Every rule finding before suppressions and the baseline (for the graph view). */
  violations: Violation[];
  /** With judgedByBase: config globs that select no file (see CheckOutcome.unmatchedGlobs). */
  unmatchedGlobs: Array<{ key: string; glob: string }>;
}

export async function checkLayers(input: CheckLayersInput): Promise<CheckLayersResult> {
  const model = createLayerModel(input.config);
  const cacheFile = input.cache === false ? undefined : join(input.root, cacheFileName);
  const { built, violations, byFile } = await buildAndJudge(input, model, cacheFile);
  const { graph } = built;
  const unmatchedGlobs: Array<{ key: string; glob: string }> = [];
  const globNotes = checkConfigGlobs(
    input.config,
    graph.files.map((f) => f.path),
    graph.listing?.ignoredSources ?? 0,
    input.judgedByBase && ((key, glob) => unmatchedGlobs.push({ key, glob })),
  );
  const notes = [...describeRun(graph, input.config), ...globNotes];
  const cacheNote = cacheFile === undefined ? undefined : await saveFindingsCache(input.root, built, byFile);
  if (cacheNote !== undefined) notes.push(cacheNote);
  const unresolved = await findUnresolved(input.root, graph, graph.listing?.git === true);
  notes.push(...describeUnjudged(unresolved));
  violations.push(...unresolved.violations);
  const { kept, problems } = applySuppressions(graph.files, violations, input.config.suppressions.eslint);
  if (input.updateBaseline === true && input.dryRun !== true) checkBaselinePath(input.root, input.config.baseline);
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
    base: input.judgedByBase,
  });
  if (note !== undefined) notes.push(note);
  return {
    diagnostics: [...remaining.map(stripRuleId), ...problems, ...stale],
    files: graph.files.length,
    notes,
    graph,
    violations,
    unmatchedGlobs,
  };
}

/**
 * The graph and every rule finding. A file read during the build is judged as soon as its imports
 * are resolved, while the workers still read; a file whose findings the cache holds is not judged.
 */
async function buildAndJudge(
  input: CheckLayersInput,
  model: LayerModel,
  cacheFile: string | undefined,
): Promise<ViolationsFound & { built: CachedImportGraph }> {
  const judge = createFileJudge(model);
  const judged = new Map<string, readonly Violation[]>();
  const built = await buildCachedImportGraph({
    root: input.root,
    ignore: input.config.ignore,
    // Findings of unchanged files are reused only under the very same layers config.
    rulesKey: createHash('sha1').update(JSON.stringify(input.config)).digest('base64url'),
    cacheFile,
    onResolved: (file) => judged.set(file.path, judge(file)),
  });
  for (const [path, found] of built.cachedFindings) judged.set(path, found);
  return { built, ...findViolations(built.graph, model, judged, judge) };
}

/**
 * Writes the cache with each file's current rule findings, so that the next run can skip the rules
 * for files that did not change; returns a note when it could not. An unchanged tree leaves the
 * file as it is: rewriting it would be a good part of a warm run.
 */
async function saveFindingsCache(
  root: string,
  built: CachedImportGraph,
  findings: ReadonlyMap<string, readonly Violation[]>,
): Promise<string | undefined> {
  const escape = findEscape(root, cacheFileName);
  if (escape !== undefined)
    return `layers: did not write ${cacheFileName}: ${escape.via} is a symlink that leads out of the repository.`;
  let fresh = built.changed;
  for (const file of built.graph.files) {
    const entry = built.cache.files[file.path];
    if (entry !== undefined) entry.findings = [...(findings.get(file.path) ?? [])];
    fresh ||= !built.cachedFindings.has(file.path);
  }
  if (!fresh) return undefined;
  try {
    await saveImportCache(join(root, cacheFileName), built.cache);
    return undefined;
  } catch (error) {
    // The cache only saves time; a read-only checkout must not fail the check.
    return `layers: could not write ${cacheFileName} (${error instanceof Error ? error.message : String(error)}); the next run starts cold.`;
  }
}

/** What the person running the check should know about this run (stderr lines). */
function describeRun(graph: ImportGraph, config: LayersConfig): string[] {
  const notes: string[] = [];
  if (config.domains.length === 0 && Object.keys(config.paths).length === 0 && config.contracts.length === 0) {
    notes.push(
      'layers: none of layers.domains, layers.paths and layers.contracts is set, so no file has a layer; see docs/layers.md to describe the architecture.',
    );
  }
  const outside = graph.listing?.outside ?? [];
  if (outside.length > 0) {
    notes.push(
      `layers: did not read ${outside.length} symlink(s) that lead out of the repository: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}.`,
    );
  }
  const fixtures = graph.listing?.fixtureSources ?? 0;
  if (fixtures > 0)
    notes.push(`layers: ${fixtures} source file(s) in test fixtures (${testFixtureGlobs.join(', ')}) not checked.`);
  const skipped = graph.stats.skippedTsconfigs ?? [];
  if (skipped.length > 0)
    notes.push(
      `layers: skipped ${skipped.length} tsconfig file(s) that cannot be read and that no tsconfig.json uses: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}.`,
    );
  if (graph.stats.cacheDiscarded !== undefined)
    notes.push(`layers: discarded ${cacheFileName} (${graph.stats.cacheDiscarded}); rebuilt it.`);
  return notes;
}

/** The baseline is written inside the repository only: not to `../x`, an absolute path, or through a symlink leading out. */
function checkBaselinePath(root: string, path: string): void {
  const normal = posix.normalize(path.replaceAll('\\', '/'));
  const escapes = isAbsolute(path) || normal === '..' || normal.startsWith('../');
  const via = escapes
    ? path
    : (() => {
        return findEscape(root, normal)?.via;
      })();
  if (via === undefined) return;
  throw new HarnessError(
    'CONFIG_INVALID',
    `layers.baseline "${path}" would be written outside the repository${via === path ? '' : ` (${via} is a symlink that leads out of it)`}`,
    {
      place: { file: 'harness.config.yaml', key: 'layers.baseline' },
      fix: 'Point layers.baseline at a path inside the repository (the default is .harness/baseline/layers.json).',
    },
  );
}

function stripRuleId({ ruleId: _ruleId, ...diagnostic }: Violation): Diagnostic {
  return diagnostic;
}

/** Imports into git-ignored places are expected to be absent before a build: said once, with how many. */
function describeUnjudged(found: UnresolvedFound): string[] {
  const notes: string[] = [];
  if (found.ignored > 0) {
    notes.push(
      `layers: ${found.ignored} import(s) lead into locations git ignores (generated code, build output) that do not exist yet, so they were not judged; a CI that builds first judges them.`,
    );
  }
  if (found.unknown > 0) {
    notes.push(
      `layers: ${found.unknown} import(s) name neither a file, an npm package nor a tsconfig \`paths\` alias (a bundler alias, a virtual module such as virtual:x), so they were not judged; map them in tsconfig \`paths\` to have them checked.`,
    );
  }
  if (found.gitFailed === true)
    notes.push(
      'layers: git could not say which locations it ignores, so every import that resolves to no file is reported.',
    );
  return notes;
}
