// `harness check layers` for one file, synchronously: the path of eslint-plugin-agent-harness, whose
// rules run synchronously (https://eslint.org/docs/latest/extend/custom-rules). The same config,
// lexer, resolver, classification, rules, suppressions and baseline as checkLayers, so a file gets
// exactly the findings the CLI reports for it. What only the whole run can say (a baseline entry
// that matches nothing anywhere) is left to the CLI: wholeRunLayerRules.
// The config's model, the file list and the resolver are built once per config and kept while
// neither the config nor a package.json/tsconfig changes; the resolver's cache is shared by all files.
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { LayersConfig, RuleSeverity } from 'agent-harness-config';
import { findGitRoot, loadConfigSync, searchConfigFile, sectionDefaults } from 'agent-harness-config';
import type { Diagnostic } from 'agent-harness-diagnostics';
import { HarnessError, parseBaseline, planSettledBaseline, sortDiagnostics } from 'agent-harness-diagnostics';
import { listGitFilesSync, listIgnoredPathsSync } from 'agent-harness-system';
import { applySuppressions } from './apply-suppressions.js';
import { checkConfigGlobs } from './check-config-globs.js';
import type { ImportResolver } from './create-import-resolver.js';
import { createImportResolver } from './create-import-resolver.js';
import { collectUnresolved, ignoreQuestions, judgeUnresolved, unresolvedCandidates } from './find-unresolved.js';
import type { Violation } from './find-violations.js';
import { findViolations } from './find-violations.js';
import { docsLink } from './layer-rules.js';
import { createLayerModel } from './layer-model.js';
import type { GraphFile, LayerModel } from './layers-types.js';
import { initLexer, lexImports } from './lex-imports.js';
import { partitionProjectFiles, walkProjectFiles } from './list-project-files.js';
import { readTsconfigFacts } from './tsconfig-redirects.js';
import { insideRoot, readableInside } from './write-guard.js';

export interface CheckFileSyncInput {
  /** Absolute path of the file. */
  file: string;
  /** The file's text as an editor holds it (unsaved edits included); read from disk when absent. */
  text?: string | undefined;
}

export interface CheckFileSyncResult {
  /** Whether `harness check layers` checks this file (not: ignored, a test fixture, not a source, outside the root). */
  checked: boolean;
  /** What `harness check layers` reports for this file, after suppressions, the baseline and the `rules` map. */
  diagnostics: Diagnostic[];
}

/**
 * Rules only the whole run reports: `layers/stale-baseline` (an entry that matches no finding in any
 * file; its finding is about the baseline file). The per-file path never reports them.
 */
export const wholeRunLayerRules: readonly string[] = ['layers/stale-baseline'];

/** Loads the lexer (WebAssembly) and its parser fallback; await it once before checkFileSync. */
export async function prepareCheckFileSync(): Promise<void> {
  await initLexer();
  prepared = true;
}

let prepared = false;

interface Session {
  root: string;
  config: LayersConfig;
  rules: Readonly<Record<string, RuleSeverity>> | undefined;
  model: LayerModel;
  git: boolean;
  /** The sources the CLI would list, and answers for files created since. */
  sources: Map<string, boolean>;
  manifests: string[];
  /** Each manifest's size and mtime when the session was made. */
  manifestStamp: string;
  resolver: ImportResolver;
  /** git check-ignore's answers, by repository path (a place where an unresolved import would land). */
  ignoredPaths: Map<string, boolean>;
  baseline: { stamp: string; entries: ReturnType<typeof parseBaseline> | undefined } | undefined;
}

/** One session (or the config error it met) per config file, or per root without one. */
const sessions = new Map<string, { stamp: string; session?: Session; error?: HarnessError }>();

export function checkFileSync(input: CheckFileSyncInput): CheckFileSyncResult {
  if (!prepared) throw new Error('checkFileSync needs `await prepareCheckFileSync()` first (it loads the lexer).');
  const session = sessionFor(dirname(input.file));
  const path = repoPath(session.root, input.file);
  if (path === undefined || !isChecked(session, path)) return { checked: false, diagnostics: [] };
  const text = input.text ?? readFileSync(input.file, 'utf8');
  let file = graphFile(session, path, text);
  if (file.hasUnresolved && landedSince(session, file)) {
    // A file created since the resolver cached its answer: one fresh resolver decides.
    session.resolver = createResolver(session.root, session.manifests);
    file = graphFile(session, path, text);
  }
  const graph = { files: [file], stats: { files: 1, lexedFromCache: 0, resolvedFromCache: 0, findingsFromCache: 0 } };
  const { violations } = findViolations(graph, session.model);
  violations.push(...unresolvedFindings(session, graph));
  const { kept, problems } = applySuppressions([file], violations, session.config.suppressions.eslint);
  const remaining = planSettledBaseline(
    {
      check: 'layers',
      root: session.root,
      path: session.config.baseline,
      findings: kept,
      description: '',
      staleDocs: docsLink('stale-baseline'),
    },
    baselineEntries(session),
  ).remaining;
  const diagnostics = [...remaining.map(stripRuleId), ...problems].filter((d) => !wholeRunLayerRules.includes(d.rule));
  return { checked: true, diagnostics: sortDiagnostics(applySeverities(diagnostics, session.rules)) };
}

function sessionFor(folder: string): Session {
  const search = searchConfigFile(folder);
  const key = search.path ?? `root:${findGitRoot(folder) ?? folder}`;
  const stamp = search.path === undefined ? '' : fileStamp(search.path);
  const known = sessions.get(key);
  if (known !== undefined && known.stamp === stamp) {
    if (known.error !== undefined) throw known.error;
    if (
      known.session !== undefined &&
      manifestStamp(known.session.root, known.session.manifests) === known.session.manifestStamp
    )
      return known.session;
  }
  try {
    const session = createSession(folder);
    sessions.set(key, { stamp, session });
    return session;
  } catch (error) {
    // A config error is the same until the config changes: not re-listed on every keystroke.
    if (error instanceof HarnessError) sessions.set(key, { stamp, error });
    throw error;
  }
}

function createSession(folder: string): Session {
  const loaded = loadConfigSync({ cwd: folder });
  const { root } = loaded;
  const config = loaded.config.layers ?? sectionDefaults('layers');
  const model = createLayerModel(config);
  const listedByGit = listWithGit(root);
  const project = partitionProjectFiles(
    listedByGit ?? walkProjectFiles(root),
    config.ignore,
    listedByGit !== undefined,
  );
  checkConfigGlobs(config, project.sources, project.ignoredSources);
  const inside = insideRoot(root);
  const manifests = project.manifests.filter((file) => readableInside(join(root, file), inside));
  return {
    root,
    config,
    rules: loaded.config.rules,
    model,
    git: project.git,
    sources: new Map(project.sources.map((source) => [source, true])),
    manifests,
    manifestStamp: manifestStamp(root, manifests),
    resolver: createResolver(root, manifests),
    ignoredPaths: new Map(),
    baseline: undefined,
  };
}

/** As build-import-graph's loadResolver: the tsconfig facts of every tsconfig, then the resolver. */
function createResolver(root: string, manifests: readonly string[]): ImportResolver {
  const tsconfig = readTsconfigFacts(
    root,
    manifests.filter((f) => !f.endsWith('package.json')),
  );
  return createImportResolver({
    root,
    packageJsonFiles: manifests,
    redirects: tsconfig.redirects,
    conditions: tsconfig.conditions,
  });
}

/** As list-project-files: git's list at the top of a work tree, else the walk. */
function listWithGit(root: string): string[] | undefined {
  if (!existsSync(join(root, '.git'))) return undefined;
  try {
    return listGitFilesSync(root);
  } catch (error) {
    if (error instanceof HarnessError) return undefined;
    throw error;
  }
}

/**
 * Whether the CLI would check `path`: listed when the session began, or (a file created since) a
 * source the listing would take that git does not ignore. A symlink leading out of the root is not read.
 */
function isChecked(session: Session, path: string): boolean {
  let checked = session.sources.get(path);
  if (checked === undefined) {
    checked = partitionProjectFiles([path], session.config.ignore, session.git).sources.length === 1;
    if (checked && session.git) checked = listIgnoredPathsSync(session.root, [path], { noIndex: false }).size === 0;
    session.sources.set(path, checked);
  }
  if (!checked) return false;
  const absolute = join(session.root, path);
  try {
    return !lstatSync(absolute).isSymbolicLink() || insideRoot(session.root)(realpathSync(absolute));
  } catch {
    return true; // an editor's unsaved new file
  }
}

/** The file as the import graph holds it: its imports, each with where it leads. */
function graphFile(session: Session, path: string, text: string): GraphFile {
  const lexed = lexImports(text, path);
  const imports = lexed.imports.map((record) => ({
    ...record,
    target: session.resolver.resolve(path, record.specifier),
  }));
  const file: GraphFile = {
    path,
    imports,
    suppressions: lexed.suppressions,
    hasUnresolved: imports.some((edge) => edge.target.kind === 'unresolved'),
  };
  if (lexed.error !== undefined) file.error = lexed.error;
  return file;
}

/**
 * Whether a file now exists where one of the file's unresolved imports would land: only then can a
 * fresh resolver answer differently (an import of generated code that is not there yet costs nothing).
 */
function landedSince(session: Session, file: GraphFile): boolean {
  const found = collectUnresolved({ files: [file] } as Parameters<typeof collectUnresolved>[0]);
  for (const path of ignoreQuestions(session.root, unresolvedCandidates(found)).keys())
    if (statSync(join(session.root, path), { throwIfNoEntry: false })?.isFile() === true) return true;
  return false;
}

/** layers/unresolved as findUnresolved decides it, asking git synchronously which landing places it ignores. */
function unresolvedFindings(session: Session, graph: { files: GraphFile[] }): Violation[] {
  const found = collectUnresolved(graph as Parameters<typeof collectUnresolved>[0]);
  if (found.length === 0) return [];
  let ignored: Set<string> | undefined = new Set();
  if (session.git) {
    const candidateOf = ignoreQuestions(session.root, unresolvedCandidates(found));
    try {
      for (const [path, candidate] of candidateOf) if (isIgnored(session, path, candidateOf)) ignored.add(candidate);
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      ignored = undefined;
    }
  }
  return judgeUnresolved(found, ignored).violations;
}

/** git's answer for one path, asked together with the file's other unanswered paths and kept for the session. */
function isIgnored(session: Session, path: string, asked: ReadonlyMap<string, string>): boolean {
  let answer = session.ignoredPaths.get(path);
  if (answer === undefined) {
    const unanswered = [...asked.keys()].filter((p) => !session.ignoredPaths.has(p));
    const ignored = listIgnoredPathsSync(session.root, unanswered, { noIndex: false });
    for (const p of unanswered) session.ignoredPaths.set(p, ignored.has(p));
    answer = ignored.has(path);
  }
  return answer;
}

/** The baseline's entries, read again only when the file changed. */
function baselineEntries(session: Session): ReturnType<typeof parseBaseline> | undefined {
  const path = join(session.root, session.config.baseline);
  const stamp = fileStamp(path);
  if (session.baseline?.stamp !== stamp) {
    const entries =
      stamp === '' ? undefined : parseBaseline(readFileSync(path, 'utf8'), session.config.baseline, 'layers');
    session.baseline = { stamp, entries };
  }
  return session.baseline.entries;
}

/** The top-level `rules` map, as the check runner applies it: `off` drops, `warn`/`error` set the severity. */
function applySeverities(
  diagnostics: readonly Diagnostic[],
  rules: Readonly<Record<string, RuleSeverity>> | undefined,
): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const setting = rules?.[d.rule];
    if (setting === undefined) return [d];
    if (setting === 'off') return [];
    return [{ ...d, severity: setting === 'warn' ? 'warning' : 'error' }];
  });
}

function stripRuleId({ ruleId: _ruleId, ...diagnostic }: Violation): Diagnostic {
  return diagnostic;
}

function repoPath(root: string, absolute: string): string | undefined {
  const path = relative(root, absolute);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? undefined : path.split(sep).join('/');
}

function fileStamp(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return '';
  }
}

function manifestStamp(root: string, manifests: readonly string[]): string {
  return manifests.map((file) => fileStamp(join(root, file))).join(',');
}
