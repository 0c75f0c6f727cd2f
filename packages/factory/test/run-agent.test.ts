// The agent adapter against real processes: prompt on stdin, stall and timeout kill the whole group.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAgent } from '../src/run-agent.js';

const agents = join(import.meta.dirname, 'fixtures', 'agents');
const node = (script: string) => `"${process.execPath}" "${join(agents, script)}"`;

/** Running, not a zombie: in a container nobody may reap the orphaned grandchild. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runAgent', () => {
  it('hands the prompt on stdin in the worktree and logs the output', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'factory-agent-'));
    const log = join(cwd, 'logs', 'turn.log');
    const run = await runAgent({ command: node('echo-prompt.mjs'), cwd, prompt: 'Fix issue #3', env: process.env, timeoutMs: 10_000, stallMs: 5_000, logFile: log });
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.killed).toBeUndefined();
    expect(readFileSync(join(cwd, 'prompt.txt'), 'utf8')).toBe('Fix issue #3');
    expect(readFileSync(log, 'utf8')).toContain('"outcome":"continue"');
  });

  it('kills a silent agent and its children after the stall time', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'factory-agent-'));
    const run = await runAgent({ command: node('stall.mjs'), cwd, prompt: '', env: process.env, timeoutMs: 30_000, stallMs: 400 });
    expect(run.killed).toBe('stall');
    expect(run.stdout).toContain('thinking');
    const grandchild = Number(readFileSync(join(cwd, 'grandchild.pid'), 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('kills an agent that talks forever at the timeout', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'factory-agent-'));
    // The stall window outlasts a Node start on a loaded machine (the agent's first line comes only
    // then; at 300 ms a busy CI run saw the stall fire first, rightly), and the timeout comes after it.
    const run = await runAgent({ command: node('chatty.mjs'), cwd, prompt: '', env: process.env, timeoutMs: 2_500, stallMs: 2_000 });
    expect(run.killed).toBe('timeout');
    expect(run.signal).toBe('SIGKILL');
  });
});
