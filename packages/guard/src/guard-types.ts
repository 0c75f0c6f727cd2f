// The shapes the guard's parts share (docs/guard.md). A surface comparer reads the guardrail files
// of both sides of a change through snapshots and returns every loosening it sees; the check turns
// loosenings into `guard/loosened` findings. Tightening is never a loosening.
import type { HarnessConfig } from 'agent-harness-config';
import type { Severity } from 'agent-harness-diagnostics';

/** One side of the change: the base commit, or the working tree (the change). */
export interface GuardSnapshot {
  /** What a person reads for this side: `main (3f2a1c0)`, `the working tree`. */
  readonly label: string;
  /** A repository-relative, `/`-separated file's text; undefined when the file is absent on this side. */
  readFile(path: string): Promise<string | undefined>;
  /** Every file of this side, repository-relative and `/`-separated (tracked, plus untracked files git does not ignore for the working tree). */
  listFiles(): Promise<readonly string[]>;
}

export interface GuardInput {
  /** Absolute path of the repository root. */
  root: string;
  /** The base as named (`main`, `origin/main`, a sha) and the commit it resolved to. */
  baseRef: string;
  baseCommit: string;
  base: GuardSnapshot;
  head: GuardSnapshot;
  /** Files that differ between base and head (added, modified, deleted), repository-relative. */
  changedFiles: readonly string[];
  /** harness.config.yaml of each side, parsed and validated; undefined when the side has none. */
  baseConfig: HarnessConfig | undefined;
  headConfig: HarnessConfig | undefined;
  /** Each known rule's default severity (from the checks), for a rule the `rules` map does not name. */
  ruleDefaults?: ReadonlyMap<string, Severity> | undefined;
}

/** What a loosening is about: which part of the guardrail surface got looser. */
type GuardSurface =
  | 'config'
  | 'baseline'
  | 'suppression'
  | 'ruleset'
  | 'workflow'
  | 'codex'
  | 'gitignore'
  | 'tsconfig'
  | 'factory-workflow'
  | 'codeowners';

export interface Loosening {
  surface: GuardSurface;
  /** Repository-relative file on the change's side (the base's, when the change deleted it). */
  file: string;
  /** 1-based line on that side; 1 when the whole file is meant (deleted, unparsable). */
  line: number;
  /** What got looser, in one sentence a reviewer understands: `rules.docs/orphan: error → off`. */
  what: string;
}

/** One part of the guardrail surface, compared key by key. */
export type SurfaceComparer = (input: GuardInput) => Promise<Loosening[]>;
