// `factory.mode: dispatch` (docs/factory.md "Dispatch mode"): the loop's leases on issues through
// GitHub (lease.ts, lease-keeper.ts, the `harness:leased` label for people) and agent turns run as
// workflow runs (dispatch-turn.ts), with a merge the agent asks for made by the loop, guarded.
import type { FactoryConfig } from 'agent-harness-config';
import type { GithubClient } from 'agent-harness-github';
import type { AgentRun, RunAgentOptions } from './run-agent.js';
import { dispatchTurns } from './dispatch-turn.js';
import { appendEvent } from './factory-state.js';
import { githubLeaseStore } from './lease.js';
import type { LeaseKeeper, LeaseLabels } from './lease-keeper.js';
import { createLeaseKeeper, leasedLabel, leaseHolder } from './lease-keeper.js';
import { mergePull } from './merge-pull.js';
import type { PullGateway } from './pull-gateway.js';

export interface DispatchModeInput {
  root: string;
  config: FactoryConfig;
  client: GithubClient;
  pulls: PullGateway;
  now: () => Date;
  /** Waits between looks at a run (tests pass a short one). */
  sleep?: (ms: number) => Promise<void>;
  onEvent?: ((event: Record<string, unknown>) => void) | undefined;
  /** This loop's holder name (by default made once per state folder: host, pid, a random part). */
  holder?: string;
}

export function dispatchMode(input: DispatchModeInput): {
  leases: LeaseKeeper;
  runAgent: (options: RunAgentOptions) => Promise<AgentRun>;
} {
  const leases = createLeaseKeeper({
    store: githubLeaseStore(input.client),
    holder: input.holder ?? leaseHolder(input.root),
    ttlMs: input.config.dispatch.leaseMinutes * 60_000,
    now: input.now,
    labels: leaseLabels(input.client),
    onEvent: (issue, event, detail) => {
      const entry = { issue, event, ...detail };
      appendEvent(input.root, entry, input.now());
      input.onEvent?.(entry);
    },
  });
  const runAgent = dispatchTurns({
    client: input.client,
    workflow: input.config.dispatch.workflow,
    ref: input.config.base,
    keeper: leases,
    pollMs: input.config.dispatch.pollSeconds * 1000,
    sleep: input.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: input.now,
    merge: async (pr) => {
      await mergePull(input.pulls, pr, input.config.base);
    },
  });
  return { leases, runAgent };
}

/** The lease mirrored on the issue for people; best effort (the keeper ignores a failure). */
function leaseLabels(client: GithubClient): LeaseLabels {
  return {
    add: async (issue) => {
      await client.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        { issue_number: issue, labels: [leasedLabel] },
        `label #${issue} ${leasedLabel}`,
      );
    },
    remove: async (issue) => {
      await client.request(
        'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
        { issue_number: issue, name: leasedLabel },
        `take ${leasedLabel} off #${issue}`,
      );
    },
  };
}
