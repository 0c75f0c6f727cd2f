// How the loop talks to the agent (docs/factory.md "Agent protocols"): a plain `command` whose last
// stdout line is the outcome JSON, Codex's app-server JSON-RPC over stdio (codex-app-server.ts), or
// Claude Code's `--output-format stream-json` (claude-stream-json.ts). A protocol turns the agent's
// output into the outcome text (read by parseOutcome), the session to continue next turn, and the
// tokens (and cost) the turn used.
import { claudeStreamJson } from './claude-stream-json.js';
import { codexAppServer } from './codex-app-server.js';

import type { AgentProtocol, ProtocolDriver, ProtocolTurn } from './protocol-types.js';

export type { AgentProtocol, AgentUsage, ProtocolDriver, ProtocolTurn } from './protocol-types.js';

/** The driver for a protocol; undefined for a plain command (the outcome is stdout's last line). */
export function protocolDriver(protocol: AgentProtocol, turn: ProtocolTurn): ProtocolDriver | undefined {
  if (protocol === 'codex-app-server') return codexAppServer(turn);
  if (protocol === 'claude-stream-json') return claudeStreamJson(turn);
  return undefined;
}
