// `harness factory --dry-run`: fetch, order, and return the plan; reads only.
import type { FactoryConfig } from 'agent-harness-config';
import { createGithubClient, resolveRepository } from 'agent-harness-github';
import type { WaitEvent } from 'agent-harness-github';
import type { Env } from 'agent-harness-system';
import { fetchCandidates, githubIssueSource } from './github-issues.js';
import type { IssueSource } from './github-issues.js';
import type { FactoryPlan } from './plan-issues.js';
import { planIssues } from './plan-issues.js';

export interface PlanFactoryOptions {
  root: string;
  config: FactoryConfig;
  env: Env;
  repo?: string | undefined;
  source?: IssueSource;
  onWait?: (event: WaitEvent) => void;
}

export async function planFactory(options: PlanFactoryOptions): Promise<{ plan: FactoryPlan; notes: string[] }> {
  const source = options.source ?? (await defaultSource(options));
  const { candidates, notes } = await fetchCandidates(source, options.config.labels);
  return { plan: planIssues(candidates, options.config.priorityLabels), notes };
}

async function defaultSource(options: PlanFactoryOptions): Promise<IssueSource> {
  const repository = await resolveRepository({ flag: options.repo, env: options.env, cwd: options.root });
  return githubIssueSource(
    createGithubClient({
      env: options.env,
      repository,
      ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
    }),
  );
}

export function renderPlanPretty(plan: FactoryPlan, notes: string[] = []): string {
  const lines =
    plan.plan.length === 0
      ? ['Nothing to work: no open issue carries every factory label, or all of them wait.']
      : ['Would work, in this order:'];
  for (const entry of plan.plan)
    lines.push(
      `  #${entry.issue} ${entry.title}${entry.after.length > 0 ? ` (after ${entry.after.map((n) => `#${n}`).join(', ')})` : ''}`,
    );
  for (const w of plan.waiting)
    lines.push(`waiting: #${w.issue} blocked by ${w.blockedBy.map((n) => `#${n}`).join(', ')}`);
  for (const c of plan.cycles) lines.push(`cycle, skipped: ${c.map((n) => `#${n}`).join(' → ')}`);
  for (const n of notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}
