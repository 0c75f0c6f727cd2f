// Codex's app-server (https://github.com/openai/codex/blob/main/codex-rs/app-server/README.md):
// JSON-RPC 2.0 over stdio, one message per line, the "jsonrpc" header left out. One turn here is:
// `initialize`, the `initialized` notification, `thread/start` (or `thread/resume` with the issue's
// thread id), `turn/start` with the prompt; then the server's notifications until `turn/completed`:
// `item/completed` carries the agent's messages, `thread/tokenUsage/updated` the usage. stdin is
// closed when the turn is over, which ends the server.
import { PassThrough } from 'node:stream';
import { isRecord, lineReader, parseJsonLine } from './json-lines.js';
import type { ProtocolDriver, ProtocolResult, ProtocolTurn } from './protocol-types.js';

interface Conversation {
  turn: ProtocolTurn;
  input: PassThrough;
  line: number;
  thread?: string;
  lastMessage?: string;
  /** The thread's total tokens before this turn, and at its last report. */
  tokensBefore?: number;
  tokensTotal?: number;
  /** No more messages are read: the turn completed or broke. */
  done?: boolean;
  completed?: boolean;
  error?: string;
}

const ids = { initialize: 1, thread: 2, turn: 3 } as const;

export function codexAppServer(turn: ProtocolTurn): ProtocolDriver {
  const input = new PassThrough();
  const talk: Conversation = { turn, input, line: 0 };
  const reader = lineReader((line) => hear(talk, line));
  send(talk, {
    method: 'initialize',
    id: ids.initialize,
    params: { clientInfo: { name: 'harness_factory', title: 'harness factory', version: '1' } },
  });
  return {
    command: turn.command,
    input,
    onStdout: reader.push,
    finish: () => {
      reader.flush();
      if (!input.writableEnded) input.end();
      return codexResult(talk);
    },
  };
}

function send(talk: Conversation, message: Record<string, unknown>): void {
  if (!talk.input.writableEnded) talk.input.write(`${JSON.stringify(message)}\n`);
}

/** The turn is over (or broken): closing stdin ends the server. */
function end(talk: Conversation, error?: string): void {
  if (error !== undefined) talk.error ??= error;
  talk.done = true;
  if (!talk.input.writableEnded) talk.input.end();
}

function hear(talk: Conversation, line: string): void {
  talk.line += 1;
  if (talk.done === true) return;
  const message = parseJsonLine(line);
  if (typeof message === 'string') return end(talk, `Codex app-server, line ${talk.line}: ${message}`);
  const id = message.id;
  if (typeof message.method === 'string' && id !== undefined) return refuse(talk, id, message.method);
  if (typeof message.method === 'string') return notice(talk, message.method, message.params);
  if (isRecord(message.error))
    return end(
      talk,
      `Codex app-server refused request ${JSON.stringify(id)}: ${typeof message.error.message === 'string' ? message.error.message : 'an error'}`,
    );
  answer(talk, id, message.result);
}

/** A request from the server (an approval, say): the factory runs unattended, so it declines. */
function refuse(talk: Conversation, id: unknown, method: string): void {
  send(talk, { id, error: { code: -32601, message: `harness factory does not answer ${method}` } });
}

function answer(talk: Conversation, id: unknown, result: unknown): void {
  if (id === ids.initialize) {
    send(talk, { method: 'initialized' });
    const cwd = talk.turn.cwd;
    if (talk.turn.session === undefined)
      send(talk, { method: 'thread/start', id: ids.thread, params: { cwd, approvalPolicy: 'never' } });
    else send(talk, { method: 'thread/resume', id: ids.thread, params: { threadId: talk.turn.session } });
  } else if (id === ids.thread) {
    const thread = isRecord(result) && isRecord(result.thread) ? result.thread.id : undefined;
    if (typeof thread !== 'string') return end(talk, 'Codex app-server answered thread/start without a thread id');
    talk.thread = thread;
    send(talk, {
      method: 'turn/start',
      id: ids.turn,
      params: { threadId: thread, input: [{ type: 'text', text: talk.turn.prompt }] },
    });
  }
}

function notice(talk: Conversation, method: string, params: unknown): void {
  if (!isRecord(params)) return;
  if (method === 'item/completed' && isRecord(params.item) && params.item.type === 'agentMessage') {
    if (typeof params.item.text === 'string') talk.lastMessage = params.item.text;
  } else if (method === 'thread/tokenUsage/updated' && isRecord(params.tokenUsage))
    countTokens(talk, params.tokenUsage);
  else if (method === 'turn/completed' && isRecord(params.turn)) {
    const { status, error } = params.turn;
    if (status === 'completed') {
      talk.completed = true;
      return end(talk);
    }
    const why = isRecord(error) && typeof error.message === 'string' ? `: ${error.message}` : '';
    end(talk, `Codex's turn ended ${String(status)}${why}`);
  }
}

/** `total` is the thread's running sum and `last` the latest model call: the turn's tokens are the difference. */
function countTokens(talk: Conversation, usage: Record<string, unknown>): void {
  const total = isRecord(usage.total) ? usage.total.totalTokens : undefined;
  const last = isRecord(usage.last) ? usage.last.totalTokens : undefined;
  if (typeof total !== 'number') return;
  talk.tokensBefore ??= total - (typeof last === 'number' ? last : total);
  talk.tokensTotal = total;
}

function codexResult(talk: Conversation): ProtocolResult {
  const session = talk.thread === undefined ? {} : { session: talk.thread };
  const usage =
    talk.tokensTotal === undefined ? {} : { usage: { tokens: talk.tokensTotal - (talk.tokensBefore ?? 0) } };
  if (talk.error !== undefined) return { ...session, ...usage, error: talk.error };
  if (talk.completed !== true)
    return { ...session, ...usage, error: 'Codex app-server ended before the turn completed' };
  if (talk.lastMessage === undefined)
    return { ...session, ...usage, error: 'Codex completed the turn without an agent message' };
  return { ...session, ...usage, text: talk.lastMessage };
}
