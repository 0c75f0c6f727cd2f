// The one small interface every guardrail implements. It lives beside the
// config because a check is switched on by its config section; the runner
// (agent-harness-check) depends on the checkers, never the other way round.
import type { Diagnostic, Severity } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import type { HarnessConfig } from './schema.js';

export interface CheckOptions {
  /** `--update-baseline`: record current findings (shrink-only once a baseline exists). */
  updateBaseline?: boolean;
  /** `--allow-growth`: with updateBaseline, let an existing baseline grow. */
  allowGrowth?: boolean;
  /** `--fix`: apply unambiguous fixes. */
  fix?: boolean;
  /** `--dry-run`: with fix or updateBaseline, say what would change and write nothing. */
  dryRun?: boolean;
  /** Environment variables the check may read (e.g. GITHUB_TOKEN); the CLI passes process.env. */
  env?: Env;
  /**
   * The base the change is judged against (`--base REF`, else GITHUB_BASE_REF, else the merge base
   * with the default branch), set by `harness check` when one is known (docs/guard.md).
   */
  base?: { ref: string; commit: string } | undefined;
  /** Why no base is known, when `base` is unset (`on the default branch: nothing to compare`). */
  baseSkipped?: string | undefined;
  /**
   * Set when the checks judge the change by the base's harness.config.yaml (docs/guard.md, "Judged by
   * the base"): baselines are bounded by the base's files, and a base glob matching nothing in the
   * change is reported, not an error. Unset when the base has no valid config, and with fix or updateBaseline.
   * `acceptedBaselines`: baseline files whose growth a code owner accepted; the change's file applies.
   */
  judgedByBase?: { ref: string; commit: string; acceptedBaselines?: readonly string[] | undefined } | undefined;
}

export interface CheckContext {
  /** Absolute path of the repository root. */
  root: string;
  config: HarnessConfig;
  options: CheckOptions;
  /** Every known rule's default severity, from all checks' ruleDefaults (the guard reads it). */
  ruleDefaults?: (() => Promise<ReadonlyMap<string, Severity>>) | undefined;
}

export interface CheckOutcome {
  diagnostics: Diagnostic[];
  /** Files the check read. */
  files?: number;
  /** Set when the check decided not to run (no token, no recorded result, shallow clone…). */
  skipped?: string;
  /** Extra lines for the person running the check (plans of --fix, baseline writes). */
  notes?: string[];
  /**
   * With judgedByBase: globs of the base's config that select nothing in the change (the change
   * deleted or moved the folder). The runner reports each for review instead of failing with exit 2.
   */
  unmatchedGlobs?: Array<{ key: string; glob: string }>;
}

export interface Check {
  /** The name used on the command line and in the result document. */
  name: string;
  /** One line for `harness check --help`. */
  description: string;
  /**
   * The config section whose presence turns the check on in a bare `harness check`; a check without
   * one (the guard) always runs and decides itself whether it has anything to do.
   */
  section?: Exclude<keyof HarnessConfig, 'version'> | undefined;
  /**
   * Called with the working folder before the config is read, for slow setup that can start early
   * (the docs check starts its parser threads). It must be cheap, write nothing, and be safe to
   * abandon: the check may turn out not to run.
   */
  prepare?(cwd: string): void;
  /**
   * Every rule id the check can report (`docs/orphan`), loaded lazily: the top-level `rules` map is
   * validated against these, so a misspelt id is a config error with a suggestion.
   */
  ruleIds?(): Promise<readonly string[]>;
  /**
   * Each rule id's severity when the `rules` map does not name it (the guard compares the map with
   * these, so naming a rule by its own default is no loosening). Loaded lazily, like ruleIds.
   */
  ruleDefaults?(): Promise<Readonly<Record<string, Severity>>>;
  run(context: CheckContext): Promise<CheckOutcome>;
}
