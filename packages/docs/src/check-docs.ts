// `harness check docs` as a library call: read the repository's docs once, apply every rule, the
// fixes (with fix), and the baseline (writing it with updateBaseline).
import type { DocsConfig } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { settleBaseline } from 'agent-harness-system';
import { docsLink } from './docs-link.js';
import type { DocsModel } from './docs-model.js';
import { docsCacheFile } from './parse-cache.js';
import type { RecordedRun, RuleResult } from './result-cache.js';
import { findingsAt, keepRun, keptRun, resultCacheFile } from './result-cache.js';
import type { Finding } from './rules/docs-rule.js';

export interface CheckDocsInput {
  root: string;
  config: DocsConfig;
  updateBaseline?: boolean;
  allowGrowth?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  /** Unix seconds, for docs/stale; injectable for tests. */
  now?: number;
  /**
   * Keep parsed markdown in .harness/cache/docs.json and the findings in docs-results.json between
   * runs (default true).
   */
  cache?: boolean;
  /** CheckOptions.judgedByBase: the base's baseline bounds this one (docs/guard.md). */
  judgedByBase?: { ref: string; commit: string; acceptedBaselines?: readonly string[] | undefined } | undefined;
}

export interface CheckDocsResult {
  diagnostics: Diagnostic[];
  /** Markdown files read. */
  files: number;
  notes: string[];
}

export async function checkDocs(input: CheckDocsInput): Promise<CheckDocsResult> {
  const notes: string[] = [];
  let { files, findings } = await findAll(input, notes);
  if (input.fix === true && (await fix(input, findings, notes))) {
    // Fixed links change the docs graph too (an orphan may now be reached): check again.
    ({ files, findings } = await findAll(input, []));
  }
  const diagnostics = findings.map(toDiagnostic);
  const { remaining, stale, note } = await settleBaseline({
    check: 'docs',
    root: input.root,
    path: input.config.baseline,
    findings: diagnostics,
    updateBaseline: input.updateBaseline,
    allowGrowth: input.allowGrowth,
    dryRun: input.dryRun,
    description: 'Known docs findings accepted for now (harness check docs). Shrink it; never grow it by hand.',
    staleDocs: docsLink('stale-baseline'),
    base: input.judgedByBase,
  });
  if (note !== undefined) notes.push(note);
  return { diagnostics: [...remaining, ...stale], files, notes };
}

async function findAll(input: CheckDocsInput, notes: string[]): Promise<{ files: number; findings: Finding[] }> {
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const kept = input.cache === false ? undefined : await keptRun(input.root, input.config);
  const after: string[] = [];
  const run = kept ?? (await runRules(input, now, after));
  notes.push(...run.notes, ...after);
  return { files: run.files, findings: findingsAt(run.rules, now, input.config) };
}

/**
 * A full run: the model read (parsed files from the parse cache), every rule, the results kept.
 * A cache that could not be written is a note in `saveNotes`, not part of the kept run.
 */
async function runRules(input: CheckDocsInput, now: number, saveNotes: string[]): Promise<RecordedRun> {
  // Loaded only here: a run whose results are kept loads neither the model nor a rule.
  const [{ buildDocsModel }, { ParseCache }, { checkingRules }, { staleCandidates }] = await Promise.all([
    import('./docs-model.js'),
    import('./parse-cache.js'),
    import('./docs-rules.js'),
    import('./rules/stale.js'),
  ]);
  const cacheFile = input.cache === false ? undefined : docsCacheFile;
  const cache = ParseCache.load(input.root, cacheFile);
  const model = await buildDocsModel({
    root: input.root,
    config: input.config,
    cache,
    historyCache: cacheFile !== undefined,
    now,
  });
  // The cache is written while the rules run. It only saves time: a read-only
  // checkout must not fail the check.
  const saved =
    cacheFile === undefined
      ? undefined
      : cache.save(input.root, docsCacheFile).then(() => undefined, cacheNote(docsCacheFile, 'parses every file'));
  // docs/stale is kept as its candidates, so that a later run applies its own clock.
  const rules = await Promise.all(
    checkingRules.map(
      async (rule): Promise<RuleResult> =>
        rule.id === 'stale'
          ? { rule: 'stale', stale: await staleCandidates(model) }
          : { rule: rule.id, findings: await rule.check(model) },
    ),
  );
  const run: RecordedRun = { files: model.docs.size, notes: [...model.notes, ...(await gitNotes(model))], rules };
  const saveNote = await saved;
  if (saveNote !== undefined) saveNotes.push(saveNote);
  const key = cacheFile === undefined ? undefined : model.trace.key((text) => cache.keyOf(text));
  if (key !== undefined) {
    const keepNote = await keepRun(input.root, input.config, key, run).then(
      () => undefined,
      cacheNote(resultCacheFile, 'checks every file'),
    );
    if (keepNote !== undefined && saveNote === undefined) saveNotes.push(keepNote);
  }
  return run;
}

function cacheNote(file: string, then: string): (error: unknown) => string {
  return (error) =>
    `docs: could not write ${file} (${error instanceof Error ? error.message : String(error)}); the next run ${then} again.`;
}

async function gitNotes(model: DocsModel): Promise<string[]> {
  if (!model.inGit)
    return ['docs: not a git work tree, so every file on disk counts as known and docs/stale is skipped.'];
  if (await model.shallow())
    return [
      'docs: docs/stale skipped: this is a shallow clone, so git history is incomplete (fetch with fetch-depth: 0 to check staleness).',
    ];
  return [];
}

/** Plans the unambiguous fixes and, unless dryRun, applies them; true when files changed. */
async function fix(input: CheckDocsInput, findings: readonly Finding[], notes: string[]): Promise<boolean> {
  const { applyFixes, planFixes } = await import('./apply-fixes.js');
  const plan = planFixes(findings);
  if (plan.fixed.length === 0) {
    notes.push(
      'docs: --fix found nothing it can fix unambiguously; the remaining findings say what to change by hand.',
    );
    return false;
  }
  if (input.dryRun === true) {
    notes.push(`docs: --fix --dry-run would change ${plan.fixed.length} link(s):`, ...plan.lines.map((l) => `  ${l}`));
    return false;
  }
  const { files, skipped } = await applyFixes(input.root, plan);
  const left = plan.lines.filter((l) => skipped.some((s) => l.startsWith(`${s}:`)));
  const changed = plan.lines.filter((l) => !left.includes(l));
  if (files > 0)
    notes.push(`docs: --fix changed ${changed.length} link(s) in ${files} file(s):`, ...changed.map((l) => `  ${l}`));
  if (skipped.length > 0)
    notes.push(
      `docs: --fix left ${skipped.join(', ')} alone: a symbolic link is never written through (fix the file it points to).`,
    );
  return files > 0;
}

function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    check: 'docs',
    rule: `docs/${f.rule}`,
    severity: f.severity,
    file: f.file,
    message: f.message,
    fix: f.fix,
    docs: docsLink(f.rule),
  };
  if (f.line !== undefined) d.line = f.line;
  if (f.column !== undefined) d.column = f.column;
  if (f.target !== undefined) d.target = f.target;
  return d;
}
