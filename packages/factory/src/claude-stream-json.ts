// Claude Code's headless output (https://docs.anthropic.com/en/docs/claude-code/headless and
// https://docs.anthropic.com/en/docs/claude-code/sdk/sdk-headless): `claude -p --output-format
// stream-json --verbose` prints one JSON object per line: a `system`/`init` message with the
// `session_id`, `assistant` and `user` messages, and a final `result` message with `result` (the
// last text), `is_error`, `usage` and `total_cost_usd`. `--resume <session_id>` continues a session.
import { isRecord, lineReader, parseJsonLine } from './json-lines.js';
import type { AgentUsage, ProtocolDriver, ProtocolResult, ProtocolTurn } from './protocol-types.js';

/** A session id is passed on a shell command line: only these characters are accepted. */
const sessionPattern = /^[A-Za-z0-9._:-]+$/;

export function claudeStreamJson(turn: ProtocolTurn): ProtocolDriver {
  const state: { session?: string; result?: Record<string, unknown>; error?: string; line: number } = { line: 0 };
  const reader = lineReader((line) => {
    state.line += 1;
    if (state.error !== undefined) return;
    const message = parseJsonLine(line);
    if (typeof message === 'string') {
      state.error = `Claude Code's stream-json output, line ${state.line}: ${message}`;
      return;
    }
    if (typeof message.session_id === 'string') state.session = message.session_id;
    if (message.type === 'result') state.result = message;
  });
  const resume = turn.session !== undefined && sessionPattern.test(turn.session) ? ` --resume ${turn.session}` : '';
  return {
    command: `${turn.command}${resume}`,
    input: turn.prompt,
    onStdout: reader.push,
    finish: () => {
      reader.flush();
      return claudeResult(state);
    },
  };
}

function claudeResult(state: { session?: string; result?: Record<string, unknown>; error?: string }): ProtocolResult {
  const session = state.session === undefined ? {} : { session: state.session };
  if (state.error !== undefined) return { ...session, error: state.error };
  const result = state.result;
  if (result === undefined)
    return {
      ...session,
      error: 'Claude Code ended without its `result` message (is --output-format stream-json set?)',
    };
  const usage = claudeUsage(result);
  const done = { ...session, ...(usage === undefined ? {} : { usage }) };
  if (result.is_error === true || (typeof result.subtype === 'string' && result.subtype !== 'success'))
    return {
      ...done,
      error: `Claude Code's turn ended with ${text(result.subtype) ?? 'an error'}: ${text(result.result) ?? ''}`.trim(),
    };
  if (typeof result.result !== 'string')
    return { ...done, error: "Claude Code's `result` message has no `result` text" };
  return { ...done, text: result.result };
}

/** Every token the turn sent or received: input (cache writes and reads included) and output. */
function claudeUsage(result: Record<string, unknown>): AgentUsage | undefined {
  const usage = result.usage;
  const cost = typeof result.total_cost_usd === 'number' ? { costUsd: result.total_cost_usd } : {};
  if (!isRecord(usage)) return typeof cost.costUsd === 'number' ? { tokens: 0, ...cost } : undefined;
  const count = (key: string) => {
    const value = usage[key];
    return typeof value === 'number' ? value : 0;
  };
  const tokens =
    count('input_tokens') +
    count('output_tokens') +
    count('cache_creation_input_tokens') +
    count('cache_read_input_tokens');
  return { tokens, ...cost };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
