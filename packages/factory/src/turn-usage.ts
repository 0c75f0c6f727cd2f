// What a turn leaves in the issue's record besides its outcome (docs/factory.md "Agent protocols"):
// the thread or session to continue next turn, and what it used, summed for the caps (token-caps.ts).
import type { FactoryConfig } from 'agent-harness-config';
import type { IssueRecord } from './factory-state.js';
import type { AgentRun, RunAgentOptions } from './run-agent.js';
import { addSpend } from './token-caps.js';

/** The protocol and the issue's session, for the agent's next turn. */
export function protocolOptions(
  config: Pick<FactoryConfig, 'agentProtocol'>,
  record: IssueRecord,
): Pick<RunAgentOptions, 'protocol' | 'session'> {
  return {
    protocol: config.agentProtocol,
    ...(record.session === undefined || config.agentProtocol === 'command' ? {} : { session: record.session }),
  };
}

/** Keeps the turn's session and usage (whatever became of the turn); why the conversation broke, when it did. */
export function recordTurnUsage(record: IssueRecord, run: AgentRun): string | undefined {
  if (run.session !== undefined) record.session = run.session;
  addSpend(record, run.usage);
  return run.protocolError === undefined ? undefined : `the agent's protocol broke: ${run.protocolError}`;
}
