// `harness init`: adds the harness to an existing repository (docs/init.md).
// Plan, then apply; questions only on a terminal without --yes.
import { HarnessError } from 'agent-harness-diagnostics';
import type { InitChoices } from 'agent-harness-init';
import type { Format } from 'agent-harness-diagnostics';
import type { CliIo, CommandArgs, CommandSpec } from '../command-spec.js';
import { configPackage, initPackage } from '../packages.js';
import { toolVersion } from '../tool-version.js';

export const initCommand: CommandSpec = {
  name: 'init',
  summary: 'Add the harness to this repository: config, AGENTS.md map, docs/, CI workflow, ruleset, baselines.',
  description:
    'Looks at the repository first (package manager, workspaces, tsconfig, source layout, existing AGENTS.md, docs, CI, compose files, scripts), ' +
    'proposes a layers section and explains it, shows the plan, then writes it. ' +
    'Architecture rules already written for dependency-cruiser (.dependency-cruiser.js), eslint-plugin-boundaries or import/no-restricted-paths ' +
    '(eslint.config.js) become layers.contracts, and the plan lists each rule that could not be carried over and why. An existing file is kept unless --force ' +
    '(AGENTS.md and CLAUDE.md are always kept; --split restructures an over-long AGENTS.md without losing a line). ' +
    "Today's layer and docs findings are recorded as baselines so `harness check` is green at once. " +
    'Running init again changes nothing; a run that was interrupted is completed by the next one. ' +
    'On a terminal it asks a few questions; --yes, or no terminal, takes every default.',
  options: [
    { name: 'yes', short: 'y', type: 'boolean', description: 'Ask nothing; take every default.' },
    { name: 'dry-run', type: 'boolean', description: 'Print the plan and write nothing.' },
    {
      name: 'force',
      type: 'boolean',
      description: 'Replace existing files with what init would write (never AGENTS.md or CLAUDE.md).',
    },
    {
      name: 'split',
      type: 'boolean',
      description: 'Move the sections of an over-long AGENTS.md into docs/agents/ and leave a short map.',
    },
    {
      name: 'install',
      type: 'boolean',
      description:
        "After writing, install agent-harness (the package of the harness bin) with the repository's package manager.",
    },
    {
      name: 'from',
      type: 'string',
      valueName: 'tool',
      description:
        "Carry over this tool's architecture rules as layers.contracts: dependency-cruiser, eslint-plugin-boundaries or eslint-plugin-import; a config it cannot read stops init.",
    },
    {
      name: 'owner',
      type: 'string',
      valueName: '@name',
      description:
        "The code owner of the guardrail files in CODEOWNERS (under --yes without it: GITHUB_TOKEN's user, else a placeholder).",
    },
  ],
  examples: [
    'npx agent-harness init',
    'npx agent-harness init --dry-run',
    'npx agent-harness init --yes --split',
    'harness init --dry-run --format json',
    'harness init --from dependency-cruiser --dry-run',
  ],
  async run(args, io) {
    const format = initFormat(args.global.format);
    const force = args.options.force === true;
    const dryRun = args.options['dry-run'] === true;
    const [{ sectionDefaults }, init] = await Promise.all([configPackage(), initPackage()]);
    const from = typeof args.options.from === 'string' ? args.options.from : undefined;
    const willCheck = !dryRun;
    const inspection = await init.prepareInit({
      cwd: io.cwd,
      force,
      willCheck,
      ...(from === undefined ? {} : { from }),
    });
    const interactive = io.isTTY && process.stdin.isTTY && args.options.yes !== true && !dryRun && format === 'pretty';
    let split = args.options.split === true;
    let choices: Partial<InitChoices> = {};
    if (interactive) {
      const maxLines = inspection.existingConfig?.config?.docs?.maxLines ?? sectionDefaults('docs').maxLines;
      const asked = await init.askInitChoices(inspection, maxLines);
      if (asked === undefined) return cancelled(io);
      choices = asked.choices;
      split ||= asked.split;
    }
    const ownerOption = typeof args.options.owner === 'string' ? args.options.owner : undefined;
    const lookup = { option: ownerOption, lookup: args.options.yes === true, env: io.env, root: inspection.facts.root };
    const owner = await init.findGuardrailOwner(lookup);
    const plan = await init.planInit(inspection, {
      harnessVersion: toolVersion(),
      today: new Date().toISOString().slice(0, 10),
      force,
      split,
      choices,
      owner,
    });
    return showAndApply(init, plan, { args, io, format, dryRun, interactive });
  },
};

type InitModule = Awaited<ReturnType<typeof initPackage>>;
type InitPlan = Awaited<ReturnType<InitModule['planInit']>>;

function initFormat(format: Format): 'pretty' | 'json' {
  if (format !== 'pretty' && format !== 'json') {
    throw new HarnessError('USAGE', `init prints its plan as pretty or json, not ${format}`, {
      fix: 'Use --format pretty or --format json.',
    });
  }
  return format;
}

function cancelled(io: CliIo): { ok: boolean } {
  io.stderr('Cancelled: nothing was written.\n');
  return { ok: true };
}

/** Prints the plan; unless a dry run (or the person says no), writes it and prints the result. */
async function showAndApply(
  init: InitModule,
  plan: InitPlan,
  run: { args: CommandArgs; io: CliIo; format: 'pretty' | 'json'; dryRun: boolean; interactive: boolean },
): Promise<{ ok: boolean }> {
  const { args, io, format, dryRun } = run;
  const color = args.global.color;
  if (format === 'pretty') io.stdout(init.renderPlanText(plan, { dryRun, color }));
  if (dryRun) {
    if (format === 'json') io.stdout(init.renderInitJson(plan, undefined, true));
    return { ok: true };
  }
  if (run.interactive && !(await init.confirmApply())) return cancelled(io);
  const result = await init.applyInit(plan, {
    install: args.options.install === true,
    onOutput: (text) => io.stderr(text),
    env: io.env,
  });
  io.stdout(
    format === 'json'
      ? init.renderInitJson(plan, result, false)
      : init.renderResultText(plan, result, { dryRun, color }),
  );
  return { ok: result.check?.ok ?? true };
}
