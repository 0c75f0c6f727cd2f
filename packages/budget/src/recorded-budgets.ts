// `harness check`'s budget check: judges the latest recorded result of each budget for the current
// commit. It never runs a build: measuring is `harness budget`'s job.
import type { CheckContext, CheckOutcome } from 'agent-harness-config';
import { locateBudgetLines } from './budget-lines.js';
import { budgetDiagnostics, summarizeRuns } from './budget-outcome.js';
import type { ReadGitState } from './git-state.js';
import type { HistoryEntry } from './history.js';
import { historyFile, readHistory } from './history.js';

export async function checkRecordedBudgets(context: CheckContext, readGit: ReadGitState): Promise<CheckOutcome> {
  const budgets = context.config.budgets ?? [];
  if (budgets.length === 0) return { diagnostics: [], skipped: 'no budgets in harness.config.yaml' };
  const git = await readGit(context.root, context.options.env ?? {});
  if (git.commit === null) return { diagnostics: [], skipped: 'no commit yet, so no recorded budget result' };
  const short = git.commit.slice(0, 7);
  const { entries, badLines } = await readHistory(context.root);
  const lines = await locateBudgetLines(`${context.root}/harness.config.yaml`);
  const diagnostics = [];
  const notes: string[] =
    badLines.length === 0 ? [] : [`budget: ${badLines.length} unreadable lines in ${historyFile} skipped`];
  let judged = 0;
  for (const budget of budgets) {
    const runs = latestInvocation(entries, budget.name, git.commit);
    if (runs.length === 0) {
      notes.push(`budget ${budget.name}: no recorded result for ${short}; run \`harness budget ${budget.name}\``);
      continue;
    }
    judged += 1;
    const line = lines.get(budget.name);
    const outcome = summarizeRuns(budget, runs);
    diagnostics.push(
      ...budgetDiagnostics(budget, outcome, { file: 'harness.config.yaml', ...(line === undefined ? {} : { line }) }),
    );
  }
  if (judged === 0) {
    return {
      diagnostics: [],
      skipped: `no recorded result for HEAD (${short}) in ${historyFile}; run \`harness budget\` first`,
    };
  }
  return { diagnostics, notes };
}

/** The runs of the newest invocation of `budget` recorded at `commit`. */
function latestInvocation(entries: readonly HistoryEntry[], budget: string, commit: string): HistoryEntry[] {
  const atCommit = entries.filter((e) => e.budget === budget && e.commit === commit);
  const latest = atCommit.at(-1)?.invocation;
  return latest === undefined ? [] : atCommit.filter((e) => e.invocation === latest);
}
