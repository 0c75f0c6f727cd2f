// Token and cost caps per issue (docs/factory.md "Agent protocols"): what every turn of an issue
// used (the protocol's usage, or the `tokens` the agent reports in its outcome) is summed in the
// issue's record in state.json, so the sums survive a restart and a hand-back: a person who gives
// the issue back gets fresh brakes, not a fresh budget. To give it more, raise the cap.
import type { FactoryConfig } from 'agent-harness-config';
import type { IssueRecord } from './factory-state.js';
import type { AgentUsage } from './protocol-types.js';

/** Adds one turn's usage to the issue's sums. */
export function addSpend(record: IssueRecord, usage: AgentUsage | undefined): void {
  if (usage === undefined) return;
  const spent = record.spent ?? { tokens: 0, costUsd: 0 };
  record.spent = { tokens: spent.tokens + usage.tokens, costUsd: spent.costUsd + (usage.costUsd ?? 0) };
}

/** The comment for a person when a cap is reached; undefined while the issue is within its caps. */
export function capReached(
  record: IssueRecord,
  config: Pick<FactoryConfig, 'maxTokens' | 'maxCostUsd'>,
): string | undefined {
  const spent = record.spent;
  if (spent === undefined) return undefined;
  const reached =
    config.maxTokens !== undefined && spent.tokens >= config.maxTokens
      ? `${spent.tokens} tokens of the ${config.maxTokens} allowed (factory.maxTokens)`
      : config.maxCostUsd !== undefined && spent.costUsd >= config.maxCostUsd
        ? `$${spent.costUsd.toFixed(2)} of the $${config.maxCostUsd.toFixed(2)} allowed (factory.maxCostUsd)`
        : undefined;
  if (reached === undefined) return undefined;
  return [
    `The factory stopped working on this on its own: the agent has used ${reached} on this issue.`,
    'A person needs to look. The sums are kept across hand-backs: to let the agent go on, raise the cap',
    'in harness.config.yaml (or WORKFLOW.md), then remove the label to hand it back.',
  ].join(' ');
}
