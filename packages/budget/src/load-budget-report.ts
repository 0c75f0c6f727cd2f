// `harness budget report` as one library call: read the history, build the report.
import type { HarnessConfig } from 'agent-harness-config';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';
import type { BudgetReport } from './budget-report.js';
import { createBudgetReport } from './budget-report.js';
import { readHistory } from './history.js';

export interface LoadBudgetReportInput {
  root: string;
  config: HarnessConfig;
  names?: readonly string[];
  /** Results per budget (default 10). */
  last?: number;
  configFile?: string;
}

export async function loadBudgetReport(input: LoadBudgetReportInput): Promise<BudgetReport> {
  if (input.last !== undefined && (!Number.isInteger(input.last) || input.last < 1)) {
    throw new HarnessError('USAGE', `--last must be a whole number ≥ 1, not ${input.last}`, {
      fix: 'For example --last 20.',
    });
  }
  const { entries, badLines } = await readHistory(input.root);
  const known = [...new Set([...(input.config.budgets ?? []).map((b) => b.name), ...entries.map((e) => e.budget)])];
  for (const name of input.names ?? []) {
    if (!known.includes(name)) {
      const guess = closestWord(known, name);
      throw new HarnessError(
        'USAGE',
        `unknown budget "${name}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        {
          fix:
            known.length === 0 ? 'No budgets are configured or recorded yet.' : `Known budgets: ${known.join(', ')}.`,
        },
      );
    }
  }
  return createBudgetReport({
    entries,
    budgets: input.config.budgets ?? [],
    badLines,
    ...(input.names === undefined ? {} : { names: input.names }),
    ...(input.last === undefined ? {} : { last: input.last }),
    ...(input.configFile === undefined ? {} : { configFile: input.configFile }),
  });
}
