// The shapes shared by the agent protocols (docs/factory.md "Agent protocols").
import type { Readable } from 'node:stream';

export type AgentProtocol = 'command' | 'codex-app-server' | 'claude-stream-json';

export interface AgentUsage {
  tokens: number;
  /** In US dollars, when the protocol reports it (Claude Code's total_cost_usd). */
  costUsd?: number;
}

/** What a protocol made of one turn. */
export interface ProtocolResult {
  /** The agent's final message: its last line is the outcome JSON. */
  text?: string;
  /** The thread (Codex) or session (Claude Code) id, to continue next turn. */
  session?: string;
  usage?: AgentUsage;
  /** The conversation broke (a malformed line, a JSON-RPC error, a failed turn): the turn failed. */
  error?: string;
}

/** One turn's conversation: what to run, what to feed it, how to read it. */
export interface ProtocolDriver {
  command: string;
  input: string | Readable;
  onStdout: (chunk: string) => void;
  /** Called once the process has ended. */
  finish: () => ProtocolResult;
}

export interface ProtocolTurn {
  command: string;
  prompt: string;
  cwd: string;
  /** The session of the previous turn, to continue. */
  session?: string | undefined;
}
