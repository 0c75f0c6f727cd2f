// `harness budget [NAME...]`: build-loop time budgets (docs/budget.md).
import { relative } from 'node:path';
import type { CommandArgs, CommandSpec } from '../command-spec.js';
import { integerOption } from '../cli/integer-option.js';
import { loadCommandConfig } from '../cli/load-command-config.js';
import { withInterrupt } from '../cli/with-interrupt.js';
import { budgetPackage } from '../packages.js';
import { createProgressLine } from '../progress-line.js';
import { toolVersion } from '../tool-version.js';

export const budgetCommand: CommandSpec = {
  name: 'budget',
  summary: 'Run each budget’s command, record every run, and exit 1 when a median is over budget.',
  description:
    'Runs the commands of the budgets in harness.config.yaml (or only those named) at the repository root, ' +
    '`--runs N` times each, and compares the median with the budget’s seconds. Every run is appended to ' +
    '.harness/budget/history.jsonl. turbo commands are summarized, so per-task times and cache hits are ' +
    'recorded and per-task budgets checked. Output is hidden unless --verbose; a failing command shows its ' +
    'exit code and last output lines. See docs/budget.md.',
  positionals: [{ name: 'name', description: 'Budgets to run (default: all).', variadic: true }],
  options: [
    {
      name: 'runs',
      type: 'string',
      valueName: 'N',
      description: 'Runs per budget; the median is judged (default: the budget’s runs, else 1).',
    },
    {
      name: 'warmup',
      type: 'string',
      valueName: 'N',
      description: 'Unrecorded warm-up runs before the measured ones (default: the budget’s warmup, else 0).',
    },
    { name: 'verbose', type: 'boolean', description: 'Stream the commands’ output to stderr.' },
  ],
  examples: [
    'harness budget',
    'harness budget build --runs 5 --warmup 1',
    'harness budget --format markdown >> "$GITHUB_STEP_SUMMARY"',
  ],
  async run(args, io) {
    const [loaded, { renderBudgetRun, runBudgets }] = await Promise.all([loadCommandConfig(args, io), budgetPackage()]);
    const counts = runCounts(args);
    const verbose = args.options.verbose === true;
    const progress =
      io.isTTY && !verbose && args.global.format === 'pretty'
        ? createProgressLine((text) => io.stderr(text))
        : undefined;
    try {
      const document = await withInterrupt((signal) =>
        runBudgets({
          root: loaded.root,
          config: loaded.config,
          ...(loaded.path === undefined
            ? {}
            : { configPath: loaded.path, configFile: relative(loaded.root, loaded.path) }),
          names: args.positionals,
          ...counts,
          env: io.env,
          signal,
          ...(progress === undefined ? {} : { onProgress: (event) => progress.onProgress(event) }),
          ...(verbose ? { onOutput: (chunk: string) => io.stderr(chunk) } : {}),
        }),
      );
      progress?.stop();
      io.stdout(
        renderBudgetRun(document, args.global.format, { color: args.global.color, toolVersion: toolVersion() }),
      );
      return { ok: document.ok };
    } finally {
      progress?.stop();
    }
  },
};

/** --runs and --warmup, when given (the library judges their range). */
function runCounts(args: CommandArgs): { runs?: number; warmup?: number } {
  const runs = integerOption(args, 'runs', { example: 3 });
  const warmup = integerOption(args, 'warmup', { example: 1 });
  return { ...(runs === undefined ? {} : { runs }), ...(warmup === undefined ? {} : { warmup }) };
}
