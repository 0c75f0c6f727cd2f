// The library entry (docs/api.md): `import { check } from 'agent-harness'` runs what `harness check` runs
// and returns the result document the CLI renders, so a script or another tool needs no child process
// and no output parsing. Like the CLI, it throws a HarnessError (with a stable code) when it cannot
// judge: a missing or invalid config, an unknown check name.
import { registeredChecks, runChecks, selectChecks } from 'agent-harness-check';
import type { Check, HarnessConfig, HarnessConfigInput } from 'agent-harness-config';
import { configError, findGitRoot, loadConfig, noConfigError } from 'agent-harness-config/load';
import type { ResultDocument } from 'agent-harness-diagnostics';
import type { Env } from 'agent-harness-system';
import { resolve } from 'node:path';
import { resolveBase } from './cli/base-ref.js';
import { judgedRun } from './cli/judged-run.js';

export interface CheckApiOptions {
  /** Where the repository is: the config search starts here. Default: `process.cwd()`. */
  cwd?: string;
  /** A config file to read instead of searching for harness.config.yaml (like `--config`). */
  configPath?: string;
  /**
   * A config object to use instead of a file, validated exactly like one. The root is the git work
   * tree holding `cwd`.
   */
  config?: HarnessConfigInput;
  /** Checks to run (`layers`, `docs`…). Default: every check whose config section exists. */
  checks?: readonly string[];
  /** Like `--fix`: apply the fixes that are unambiguous. */
  fix?: boolean;
  /** Like `--update-baseline`. */
  updateBaseline?: boolean;
  /** Like `--allow-growth`, with updateBaseline. */
  allowGrowth?: boolean;
  /** Like `--dry-run`, with fix or updateBaseline. */
  dryRun?: boolean;
  /** Environment the checks may read (e.g. GITHUB_TOKEN). Default: `process.env`. */
  env?: Env;
  /** Receives what the CLI prints on stderr (skipped sections, baseline writes); the library prints nothing. */
  onNote?: (note: string) => void;
  /**
   * Checks this run leaves out, with why (`--changed`: no changed file is one it reports on). They
   * are reported as skipped with that reason, and not prepared.
   */
  skip?: (checkName: string) => string | undefined;
  /**
   * Like `--base REF`: the base the change is judged against (docs/guard.md). Default: GITHUB_BASE_REF
   * of `env` on a pull request, else the merge base with the default branch, else none (the guard skips).
   */
  base?: string;
}

/** Runs the configured checks and returns the result document (`harness check --format json`). */
export async function check(options: CheckApiOptions = {}): Promise<ResultDocument> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const names = options.checks ?? [];
  const checks = registeredChecks.map((c) => skipping(c, options.skip?.(c.name)));
  for (const selected of selectChecks(checks, names)) selected.prepare?.(cwd);
  const env = options.env ?? process.env;
  // Both start now; a config error is the one reported when both fail.
  const resolving = resolveBase(cwd, { ref: options.base, env });
  resolving.catch(() => undefined);
  const { root, config, configFile } = await configFor(options, cwd);
  const resolved = await resolving;
  // Judged by the base (docs/guard.md): a config object given to check() is what judges.
  const judged = await judgedRun({
    root,
    configFile,
    changeConfig: config,
    base: options.config === undefined ? resolved.base : undefined,
    checks,
    writes: options.fix === true || options.updateBaseline === true,
    env,
    guardSkipped: options.skip?.('guard') !== undefined,
  });
  if (judged.note !== undefined) options.onNote?.(judged.note);
  const { document, notes } = await runChecks({
    checks: judged.checks,
    names,
    root,
    config: judged.config,
    options: {
      updateBaseline: options.updateBaseline === true,
      allowGrowth: options.allowGrowth === true,
      fix: options.fix === true,
      dryRun: options.dryRun === true,
      env,
      base: resolved.base,
      baseSkipped: resolved.skipped,
      judgedByBase: judged.judgedByBase,
    },
  });
  for (const note of notes) options.onNote?.(note);
  return document;
}

/** The check, or when there is a reason to skip it, a stand-in that reports it skipped. */
function skipping(check: Check, why: string | undefined): Check {
  if (why === undefined) return check;
  return {
    name: check.name,
    description: check.description,
    ...(check.section === undefined ? {} : { section: check.section }),
    ruleIds: async () => (await check.ruleIds?.()) ?? [],
    run: () => Promise.resolve({ diagnostics: [], skipped: why }),
  };
}

async function configFor(
  options: CheckApiOptions,
  cwd: string,
): Promise<{ root: string; config: HarnessConfig; configFile?: string | undefined }> {
  if (options.config !== undefined) {
    if (options.configPath !== undefined)
      throw configError([
        {
          file: options.configPath,
          line: 1,
          column: 1,
          key: '(options)',
          message: 'check() takes either `config` or `configPath`, not both',
        },
      ]);
    // The object goes through the same schema as a file, so a typo is the same CONFIG_INVALID error.
    const { validateConfig } = await import('agent-harness-config');
    const validated = validateConfig(JSON.stringify(options.config, null, 2), 'check({ config })');
    if (!validated.ok) throw configError(validated.problems);
    return { root: findGitRoot(cwd) ?? cwd, config: validated.config };
  }
  const loaded = await loadConfig({
    cwd,
    cache: true,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
  });
  // A gate that ran nothing is not green: without a config, only named checks run (with defaults).
  if (loaded.path === undefined && (options.checks ?? []).length === 0)
    throw noConfigError(loaded.root, 'a bare `harness check` has no check to run');
  return { root: loaded.root, config: loaded.config, configFile: loaded.path };
}
