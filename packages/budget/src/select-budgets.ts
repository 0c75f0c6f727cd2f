// Which budgets a `harness budget [NAME...]` invocation means; wrong config or
// an unknown name stops the command before anything runs (exit 2).
import type { BudgetConfig, HarnessConfig } from 'agent-harness-config';
import { closestWord, HarnessError } from 'agent-harness-diagnostics';

const example = 'budgets:\n  - name: build\n    command: pnpm build\n    seconds: 60';

export function selectBudgets(config: HarnessConfig, names: readonly string[], configFile: string): BudgetConfig[] {
  const budgets = config.budgets ?? [];
  if (budgets.length === 0) {
    throw new HarnessError('CONFIG_INVALID', `no budgets in ${configFile}`, {
      place: { file: configFile, key: 'budgets' },
      fix: `Add a budgets list to ${configFile}, for example:\n${example}`,
    });
  }
  const seen = new Set<string>();
  budgets.forEach((budget, index) => {
    if (seen.has(budget.name)) {
      throw new HarnessError('CONFIG_INVALID', `budgets.${index}.name: budget "${budget.name}" is defined twice`, {
        place: { file: configFile, key: `budgets.${index}.name` },
        fix: 'Give every budget its own name.',
      });
    }
    seen.add(budget.name);
  });
  if (names.length === 0) return [...budgets];
  const known = budgets.map((b) => b.name);
  for (const name of names) {
    if (!seen.has(name)) {
      const guess = closestWord(known, name);
      throw new HarnessError(
        'USAGE',
        `unknown budget "${name}"${guess === undefined ? '' : `: did you mean "${guess}"?`}`,
        {
          place: { file: configFile, key: 'budgets' },
          fix: `Known budgets: ${known.join(', ')}.`,
        },
      );
    }
  }
  return budgets.filter((b) => names.includes(b.name));
}
