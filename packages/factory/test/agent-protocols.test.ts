// The agent protocols against transcripts written from their published documentation (docs/factory.md
// "Agent protocols"), replayed by stand-ins for `codex app-server` and `claude -p --output-format
// stream-json`: the outcome is read, the thread or session continues next turn, usage is counted, and a
// malformed line fails the turn instead of crashing the loop.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOutcome } from '../src/agent-outcome.js';
import type { IssueRecord } from '../src/factory-state.js';
import { runAgent } from '../src/run-agent.js';
import type { AgentProtocol } from '../src/agent-protocol.js';
import { capReached } from '../src/token-caps.js';
import { freshCounters } from '../src/turn-policy.js';
import { protocolOptions, recordTurnUsage } from '../src/turn-usage.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'protocols');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'factory-protocol-'));
  made.push(dir);
  return { dir, record: join(dir, 'record.jsonl') };
}

const agent = (fake: string, transcript: string) =>
  `"${process.execPath}" "${join(fixtures, fake)}" "${join(fixtures, transcript)}"`;

async function turn(protocol: AgentProtocol, command: string, dir: string, record: string, session?: string) {
  return runAgent({
    command,
    protocol,
    ...(session === undefined ? {} : { session }),
    cwd: dir,
    prompt: 'Implement add (#7)',
    env: { ...process.env, FAKE_RECORD: record },
    timeoutMs: 60_000,
    stallMs: 60_000,
  });
}

const issue = (): IssueRecord => ({
  number: 7,
  title: 'add',
  phase: 'pr-open',
  branch: 'harness/issue-7',
  worktree: '/tmp/w',
  counters: freshCounters(),
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('codex-app-server', () => {
  it('starts a thread, declines an approval request, reads the final agent message and the turn’s tokens', async () => {
    const { dir, record } = world();
    const run = await turn('codex-app-server', agent('fake-codex.mjs', 'codex-new-thread.jsonl'), dir, record);
    expect(run.protocolError).toBeUndefined();
    expect(run.exitCode).toBe(0);
    expect(parseOutcome(run.stdout)).toEqual({ ok: true, value: { outcome: 'continue', comment: 'implemented' } });
    expect(run.session).toBe('thr_01JB6X');
    expect(run.usage).toEqual({ tokens: 1500 });
    const sent = lines(record);
    expect(sent.find((m) => m.method === 'turn/start')?.params).toEqual({
      threadId: 'thr_01JB6X',
      input: [{ type: 'text', text: 'Implement add (#7)' }],
    });
    expect(sent.find((m) => m.id === 'srv_1')).toMatchObject({ error: { code: -32601 } });
  });

  it('continues the issue’s thread on the next turn and sums the tokens per issue', async () => {
    const { dir, record } = world();
    const state = issue();
    const config = { agentProtocol: 'codex-app-server' as const };
    const first = await turn('codex-app-server', agent('fake-codex.mjs', 'codex-new-thread.jsonl'), dir, record);
    recordTurnUsage(state, first);
    const next = protocolOptions(config, state);
    expect(next.session).toBe('thr_01JB6X');
    const second = await turn(
      'codex-app-server',
      agent('fake-codex.mjs', 'codex-resume-thread.jsonl'),
      dir,
      record,
      next.session,
    );
    expect(second.protocolError).toBeUndefined();
    recordTurnUsage(state, second);
    expect(lines(record).find((m) => m.method === 'thread/resume')?.params).toEqual({ threadId: 'thr_01JB6X' });
    expect(parseOutcome(second.stdout)).toEqual({ ok: true, value: { outcome: 'sleep', seconds: 300 } });
    expect(second.usage).toEqual({ tokens: 1000 });
    expect(state.spent).toEqual({ tokens: 2500, costUsd: 0 });
  });

  it('a malformed line is an error for that turn, with its line number, not a crash', async () => {
    const { dir, record } = world();
    const run = await turn('codex-app-server', agent('fake-codex.mjs', 'codex-malformed.jsonl'), dir, record);
    expect(run.protocolError).toMatch(/line 3: a line is not JSON/);
    expect(run.session).toBe('thr_BAD');
    expect(recordTurnUsage(issue(), run)).toMatch(/^the agent's protocol broke: Codex app-server, line 3/);
  });

  it('a failed turn is an error carrying Codex’s message', async () => {
    const { dir, record } = world();
    const run = await turn('codex-app-server', agent('fake-codex.mjs', 'codex-failed-turn.jsonl'), dir, record);
    expect(run.protocolError).toBe("Codex's turn ended failed: stream disconnected before completion");
  });
});

describe('claude-stream-json', () => {
  it('reads the result message: the outcome, the session, the tokens and the cost', async () => {
    const { dir, record } = world();
    const run = await turn('claude-stream-json', agent('fake-claude.mjs', 'claude-turn.jsonl'), dir, record);
    expect(run.protocolError).toBeUndefined();
    expect(parseOutcome(run.stdout)).toEqual({ ok: true, value: { outcome: 'continue', comment: 'implemented' } });
    expect(run.session).toBe('9f1c2b4e-0d7a-4c55-9a31-5b2f6e8d1c02');
    expect(run.usage).toEqual({ tokens: 3520, costUsd: 0.0213 });
    expect(lines(record)).toEqual([[]]);
  });

  it('resumes the issue’s session on the next turn and sums tokens and cost per issue', async () => {
    const { dir, record } = world();
    const state = issue();
    const command = agent('fake-claude.mjs', 'claude-turn.jsonl');
    recordTurnUsage(state, await turn('claude-stream-json', command, dir, record));
    const next = protocolOptions({ agentProtocol: 'claude-stream-json' }, state);
    const second = await turn('claude-stream-json', command, dir, record, next.session);
    expect(second.protocolError).toBeUndefined();
    recordTurnUsage(state, second);
    expect(lines(record)[1]).toEqual(['--resume', '9f1c2b4e-0d7a-4c55-9a31-5b2f6e8d1c02']);
    expect(parseOutcome(second.stdout)).toEqual({ ok: true, value: { outcome: 'sleep', seconds: 600 } });
    expect(state.spent?.tokens).toBe(3520 + 4330);
    expect(state.spent?.costUsd).toBeCloseTo(0.03);
  });

  it('a malformed line is an error for that turn, with its line number', async () => {
    const { dir, record } = world();
    const run = await turn('claude-stream-json', agent('fake-claude.mjs', 'claude-malformed.jsonl'), dir, record);
    expect(run.protocolError).toMatch(/stream-json output, line 2: a line is not JSON/);
  });

  it('an error result is an error for that turn, and its cost still counts', async () => {
    const { dir, record } = world();
    const state = issue();
    const run = await turn('claude-stream-json', agent('fake-claude.mjs', 'claude-error.jsonl'), dir, record);
    expect(run.protocolError).toMatch(/error_max_turns/);
    recordTurnUsage(state, run);
    expect(state.spent).toEqual({ tokens: 42000, costUsd: 0.41 });
  });
});

describe('caps per issue', () => {
  it('a cap reached is a comment for a person naming the cap; below it, nothing', () => {
    const state = { ...issue(), spent: { tokens: 2500, costUsd: 0.4 } };
    expect(capReached(state, { maxTokens: 3000, maxCostUsd: 1 })).toBeUndefined();
    expect(capReached(state, { maxTokens: 2500, maxCostUsd: undefined })).toMatch(/2500 tokens of the 2500 allowed/);
    expect(capReached(state, { maxTokens: undefined, maxCostUsd: 0.25 })).toMatch(/\$0\.40 of the \$0\.25 allowed/);
  });

  it('a plain command passes no session, whatever the record holds', () => {
    expect(protocolOptions({ agentProtocol: 'command' }, { ...issue(), session: 'x' })).toEqual({
      protocol: 'command',
    });
  });
});
