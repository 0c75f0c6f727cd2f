// `harness budget report [NAME...]`: the trend per budget from the history (docs/budget.md).
import { relative, resolve } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { writeFileAtomic } from 'agent-harness-system';
import type { CommandSpec } from '../command-spec.js';
import { integerOption } from '../cli/integer-option.js';
import { loadCommandConfig } from '../cli/load-command-config.js';
import { budgetPackage } from '../packages.js';
import { toolVersion } from '../tool-version.js';

export const budgetReportCommand: CommandSpec = {
  name: 'budget report',
  summary: 'Show each budget’s recent results, median and trend from .harness/budget/history.jsonl.',
  description:
    'Per budget: the last results (one per `harness budget` invocation, its runs’ median), the trailing median of ' +
    'earlier results from the same machine and turbo cache state, and the trend; a sparkline on a terminal. ' +
    'A latest median over 1.25× the trailing median is a warning. `--format markdown` suits $GITHUB_STEP_SUMMARY ' +
    '(a table and a Mermaid chart). It never runs a build and exits 0 unless it cannot run.',
  positionals: [{ name: 'name', description: 'Budgets to show (default: all).', variadic: true }],
  options: [
    { name: 'last', type: 'string', valueName: 'N', description: 'Results per budget (default 10).' },
    {
      name: 'svg',
      type: 'string',
      valueName: 'file',
      description: 'Also write an SVG chart of the results to this file.',
    },
  ],
  examples: [
    'harness budget report',
    'harness budget report build --last 30',
    'harness budget report --format markdown >> "$GITHUB_STEP_SUMMARY"',
  ],
  async run(args, io) {
    const [loaded, { loadBudgetReport, renderBudgetReport, renderSvgChart }] = await Promise.all([
      loadCommandConfig(args, io),
      budgetPackage(),
    ]);
    const last = integerOption(args, 'last', { example: 30 });
    const report = await loadBudgetReport({
      root: loaded.root,
      config: loaded.config,
      names: args.positionals,
      ...(last === undefined ? {} : { last }),
      ...(loaded.path === undefined ? {} : { configFile: relative(loaded.root, loaded.path) }),
    });
    if (typeof args.options.svg === 'string')
      await writeAtomically(resolve(io.cwd, args.options.svg), renderSvgChart(report));
    io.stdout(
      renderBudgetReport(report, args.global.format, {
        color: args.global.color,
        sparkline: io.isTTY,
        toolVersion: toolVersion(),
      }),
    );
    return { ok: true };
  },
};

async function writeAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (cause) {
    throw new HarnessError('IO_FAILED', `cannot write ${file}`, {
      place: { file },
      fix: 'Check that the folder exists and is writable.',
      cause,
    });
  }
}
