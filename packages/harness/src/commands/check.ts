// `harness check [NAME...]`: the CI gate (docs/contract.md, "Commands").
import { registeredChecks } from 'agent-harness-check';
import type { ResultDocument } from 'agent-harness-diagnostics';
import { createErrorDocument, HarnessError, renderError, renderResult } from 'agent-harness-diagnostics';
import type { CliIo, CommandArgs, CommandSpec } from '../command-spec.js';
import { changedFiles, describeChanged, keepChanged, skipUnchanged } from '../cli/changed-files.js';
import { reportFileOptions, reportFiles, writeReportFiles } from '../cli/report-files.js';
import { toolVersion } from '../tool-version.js';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Run every configured guardrail (or only those named) and exit 1 on any error.',
  description:
    'A bare `harness check` runs the checks whose config section exists and says once which it skipped; ' +
    'without a harness.config.yaml it exits 2 and says to run `harness init` (a gate that ran nothing is not green). ' +
    'A check named on the command line runs with its defaults when its section, or the whole file, is missing. ' +
    'The top-level `rules` map of harness.config.yaml sets any rule of any check to "off", "warn" or "error" ' +
    '(`rules: { docs/orphan: warn, layers/unassigned: "off" }`); an unknown rule id is a config error with a suggestion.',
  positionals: [
    {
      name: 'check',
      description: `Checks to run: ${registeredChecks.map((c) => c.name).join(', ') || '(none installed)'}.`,
      variadic: true,
    },
  ],
  options: [
    {
      name: 'update-baseline',
      type: 'boolean',
      description: 'Record current findings as the baseline (shrink-only once one exists).',
    },
    { name: 'allow-growth', type: 'boolean', description: 'With --update-baseline: let an existing baseline grow.' },
    { name: 'fix', type: 'boolean', description: 'Apply the fixes that are unambiguous.' },
    {
      name: 'dry-run',
      type: 'boolean',
      description: 'With --fix or --update-baseline: print the plan, write nothing.',
    },
    {
      name: 'changed',
      type: 'string',
      optionalValue: true,
      valueName: 'ref',
      description:
        'Only findings in files changed since REF (default: the merge base with origin/HEAD, else main or master): committed, staged, unstaged and untracked. A shallow clone without the base is an error (exit 2).',
    },
    {
      name: 'base',
      type: 'string',
      valueName: 'ref',
      description:
        'The base the change is judged against by the guard (default: GITHUB_BASE_REF on a pull request, else the merge base with the default branch). A base the clone lacks is exit 2.',
    },
    ...reportFileOptions,
  ],
  examples: [
    'harness check',
    'harness check layers --format github',
    'harness check --format github --sarif harness.sarif --summary "$GITHUB_STEP_SUMMARY"',
    'harness check --changed',
    'harness check layers --changed origin/main',
    'harness check guard --base origin/main',
  ],
  async run(args, io) {
    // Judged before any check runs: a bad path is exit 2 with nothing written.
    const files = reportFiles(args.options, io.cwd);
    const render = { toolVersion: toolVersion() };
    const document = await runChecks(args, io).catch(async (error: unknown) => {
      // A run that could not happen says so in the files too (a SARIF run that failed, a summary
      // that says why); main prints it on stdout and stderr.
      await writeReportFiles(files, (format) => renderError(createErrorDocument(error), format, render));
      throw error;
    });
    io.stdout(renderResult(document, args.global.format, { ...render, color: args.global.color }));
    await writeReportFiles(files, (format, maxBytes) => renderResult(document, format, { ...render, maxBytes }));
    return { ok: document.ok };
  },
};

async function runChecks(args: CommandArgs, io: CliIo): Promise<ResultDocument> {
  const since = args.options.changed;
  // The changed files are known before anything runs: a shallow clone stops here, with exit 2.
  const changed = typeof since === 'string' ? await changedFiles(io.cwd, withChanged(args, since)) : undefined;
  // The command is the library entry (docs/api.md) plus rendering: one code path for both. It is
  // imported when the command runs, so `harness --version` loads no config code.
  const { check } = await import('../check-api.js');
  const document = await check({
    cwd: io.cwd,
    ...(args.global.config === undefined ? {} : { configPath: args.global.config }),
    checks: args.positionals,
    updateBaseline: args.options['update-baseline'] === true,
    allowGrowth: args.options['allow-growth'] === true,
    fix: args.options.fix === true,
    dryRun: args.options['dry-run'] === true,
    env: io.env,
    ...(typeof args.options.base === 'string' ? { base: args.options.base } : {}),
    onNote: (note) => io.stderr(`${note}\n`),
    ...(changed === undefined ? {} : { skip: skipUnchanged(changed) }),
  });
  if (changed === undefined) return document;
  const kept = keepChanged(document, changed);
  io.stderr(`${describeChanged(changed, document.diagnostics.length - kept.diagnostics.length)}\n`);
  return kept;
}

/** --changed shows part of the findings: a baseline or a fix made from part of them would be wrong. */
function withChanged(args: CommandArgs, since: string): string {
  for (const option of ['update-baseline', 'fix'])
    if (args.options[option] === true)
      throw new HarnessError('USAGE', `--${option} needs every finding, and --changed shows only some`, {
        fix: `Run \`harness check --${option}\` without --changed.`,
      });
  return since;
}
