// The types the layers check's modules share: the import graph (built by the lexers, the resolver
// pass and the cache; read by the rules, the pictures and the unresolved-import check), the layer
// model and the compiled contracts (made from the config, asked by the rules), and a rule's verdict.
// They live apart from every module that makes or reads them, so that none of those modules needs
// another in both directions: the package has no import cycle (packages/harness/test/import-cycles.test.ts).
import type { ResolvedTarget } from './create-import-resolver.js';
import type { SuppressionComment } from './find-suppressions.js';

export type EdgeKind = 'import' | 'export' | 'dynamic-import' | 'require' | 'import-equals';

/** One import of a file, as lexed: what it names, not yet where that leads. */
export interface ImportRecord {
  specifier: string;
  kind: EdgeKind;
  typeOnly: boolean;
  /** 1-based line and column of the statement. */
  line: number;
  column: number;
}

/** What either lexer finds before offsets become lines. */
export interface RawRecord {
  specifier: string;
  kind: EdgeKind;
  typeOnly: boolean;
  /** Offset of the statement (or call) in the source. */
  offset: number;
}

export interface GraphEdge extends ImportRecord {
  target: ResolvedTarget;
}

export interface GraphFile {
  path: string;
  imports: GraphEdge[];
  suppressions: SuppressionComment[];
  /** Set when the file could not be lexed. */
  error?: string;
  /** At least one import resolved nowhere (known without decoding a cached file's edges). */
  hasUnresolved: boolean;
}

export interface GraphStats {
  files: number;
  /** Files whose imports came from the cache without lexing. */
  lexedFromCache: number;
  /** Files whose targets came from the cache without resolving. */
  resolvedFromCache: number;
  /** Files whose rule findings came from the cache. */
  findingsFromCache: number;
  /** Why an existing cache was thrown away. */
  cacheDiscarded?: string;
  /** tsconfig files no import is resolved with that could not be read, with why: skipped. */
  skippedTsconfigs?: string[];
}

/** How the file list was made. */
export interface GraphListing {
  /** Whether the file list came from git (then git knows which paths it ignores). */
  git: boolean;
  /** Source files that layers.ignore kept out. */
  ignoredSources: number;
  /** Source files in test-fixture folders, not checked. */
  fixtureSources: number;
  /** Listed files that are symlinks leading out of the root: not read. */
  outside: string[];
  /**
   * Every path git listed, when the list came from git: tracked files, which no ignore pattern
   * applies to, and untracked ones git does not ignore.
   */
  gitListed?: readonly string[] | undefined;
}

/** One edge as a contract judges it: repository-relative paths, or `npm:<package>` for the target. */
export interface ContractEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every source file of a repository with its imports and where each leads: plain data. */
export interface ImportGraph {
  files: GraphFile[];
  stats: GraphStats;
  /** Absent in graphs built by hand (tests). */
  listing?: GraphListing;
}

/** What a rule or a contract says about an edge or a file: what is wrong and how to fix it. */
export interface RuleVerdict {
  message: string;
  fix: string;
}

/** A contract of layers.contracts, compiled: it judges every edge and draws its own picture. */
export interface CompiledContract {
  name: string;
  /** The boxes of its picture, in order: layers, modules seen so far, or `from` and `to`. */
  groups: readonly string[];
  /** Which box a file (or `npm:` target) is drawn in, as the importer (`from`) or the imported (`to`). */
  groupOf(path: string, role: 'from' | 'to'): string | undefined;
  judge(edge: ContractEdge): RuleVerdict | undefined;
  /**
   * judge, for an edge whose ends' groups are known and both set (`groupOf(edge.from, 'from')`,
   * `groupOf(edge.to, 'to')`): an edge with an end in no group breaks no contract.
   */
  judgeGroups(edge: ContractEdge, from: string, to: string): RuleVerdict | undefined;
}

/** Where a file stands in the domain model. */
export interface FileClass {
  /** The domain folder (repository-relative), in domain mode. */
  domain?: string;
  /** The file's layer, from its domain sub-folder or from `paths`. */
  layer?: string;
  /** The domain's public entry (its index file). */
  entry: boolean;
  provider: boolean;
  shared: boolean;
  crossCutting: boolean;
}

/** The `layers` config section as questions about paths (layer-model.ts makes it). */
export interface LayerModel {
  order: readonly string[];
  crossDomain: 'public-api' | 'forbid';
  /** The provider folders, for messages. */
  providers: readonly string[];
  /** The shared folders, for messages. */
  shared: readonly string[];
  allowTypeOnly: ReadonlySet<string>;
  /** layers.contracts, each judging every edge of the graph. */
  contracts: readonly CompiledContract[];
  classify(file: string): FileClass;
  /** A package (or `node:` builtin) that `crossCutting` lists. */
  isCrossCuttingPackage(name: string): boolean;
  /** The layers allowed to import a package, when `packages` restricts it. */
  layersForPackage(name: string): readonly string[] | undefined;
}
