// The agent adapter against real processes: prompt on stdin, stall and timeout kill the whole group.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimerKind, Timers } from 'agent-harness-system';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maxStdoutChars, runAgent } from '../src/run-agent.js';

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

const made: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factory-agent-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Timers that fire only when the test says so, by what they are for (the stall is the runner's
 * `idle` timer). `armed(kind, n)` resolves once `kind` was set n times: the stall is set at the
 * start and set again each time the agent is heard, so a count of sets is a count of events.
 */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; kind: TimerKind }>();
  const sets = new Map<TimerKind, number>();
  const waiters = new Set<() => void>();
  let ids = 0;
  const timers: Timers = {
    set(callback, _ms, kind) {
      pending.set((ids += 1), { callback, kind });
      sets.set(kind, (sets.get(kind) ?? 0) + 1);
      for (const wake of [...waiters]) wake();
      return ids;
    },
    clear: (id) => void pending.delete(id as number),
  };
  return {
    timers,
    armed: (kind: TimerKind, count: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          if ((sets.get(kind) ?? 0) < count) return;
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        wake();
      }),
    fire(kind: TimerKind) {
      for (const [id, timer] of [...pending]) {
        if (timer.kind !== kind) continue;
        pending.delete(id);
        timer.callback();
      }
    },
  };
}

describe('runAgent', () => {
  it('hands the prompt on stdin in the worktree and logs the output', async () => {
    const cwd = temp();
    const log = join(cwd, 'logs', 'turn.log');
    const run = await runAgent({
      command: node('echo-prompt.mjs'),
      cwd,
      prompt: 'Fix issue #3',
      env: process.env,
      timeoutMs: 10_000,
      stallMs: 5_000,
      logFile: log,
    });
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.killed).toBeUndefined();
    expect(readFileSync(join(cwd, 'prompt.txt'), 'utf8')).toBe('Fix issue #3');
    expect(readFileSync(log, 'utf8')).toContain('"outcome":"continue"');
  });

  it('kills a silent agent and its children when the stall timer fires', async () => {
    const cwd = temp();
    const clock = manualTimers();
    const running = runAgent({
      command: node('stall.mjs'),
      cwd,
      prompt: '',
      env: process.env,
      timeoutMs: 30_000,
      stallMs: 30_000,
      timers: clock.timers,
    });
    // The agent printed its line (the stall timer was set again): now it goes silent, and the stall fires.
    await clock.armed('idle', 2);
    clock.fire('idle');
    const run = await running;
    expect(run.killed).toBe('stall');
    expect(run.stdout).toContain('thinking');
    const grandchild = Number(readFileSync(join(cwd, 'grandchild.pid'), 'utf8'));
    await vi.waitFor(() => expect(alive(grandchild)).toBe(false), { timeout: 5_000, interval: 10 });
  });

  it('kills an agent that talks forever when the timeout fires', async () => {
    const cwd = temp();
    const clock = manualTimers();
    const running = runAgent({
      command: node('chatty.mjs'),
      cwd,
      prompt: '',
      env: process.env,
      timeoutMs: 2_500,
      stallMs: 2_000,
      timers: clock.timers,
    });
    // The agent was heard three times (the stall timer set again each time); then the timeout fires.
    await clock.armed('idle', 4);
    clock.fire('timeout');
    const run = await running;
    expect(run.killed).toBe('timeout');
    expect(run.signal).toBe('SIGKILL');
  });

  it('finishes cleanly when the agent exits without reading a prompt of megabytes (EPIPE on its stdin)', async () => {
    const cwd = temp();
    const prompt = 'x'.repeat(16 * 1024 * 1024);
    const run = await runAgent({
      command: 'exit 3',
      cwd,
      prompt,
      env: process.env,
      timeoutMs: 60_000,
      stallMs: 60_000,
    });
    expect(run).toMatchObject({ exitCode: 3 });
    expect(run.killed).toBeUndefined();
  });

  it('keeps only the end of a stdout of megabytes, with the outcome line, and says how much it dropped', async () => {
    const cwd = temp();
    writeFileSync(
      join(cwd, 'loud.mjs'),
      `process.stdout.write('x'.repeat(8 * 1024 * 1024) + '\\n{"outcome":"done"}\\n');\n`,
    );
    const run = await runAgent({
      command: `"${process.execPath}" loud.mjs`,
      cwd,
      prompt: '',
      env: process.env,
      timeoutMs: 60_000,
      stallMs: 60_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(maxStdoutChars);
    expect(run.stdout.endsWith('{"outcome":"done"}\n')).toBe(true);
    expect(run.stdoutDropped).toBe(8 * 1024 * 1024 + 20 - maxStdoutChars);
  });

  it('ends the turn with IO_FAILED, not a crash, when its log cannot be written', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'turn.log'));
    const running = runAgent({
      command: node('echo-prompt.mjs'),
      cwd,
      prompt: 'p',
      env: process.env,
      timeoutMs: 60_000,
      stallMs: 60_000,
      logFile: join(cwd, 'turn.log'),
    });
    await expect(running).rejects.toMatchObject({ code: 'IO_FAILED' });
  });

  it('never appends its log through a symlink', async () => {
    const cwd = temp();
    const outside = temp();
    writeFileSync(join(outside, 'victim.txt'), 'keep\n');
    symlinkSync(join(outside, 'victim.txt'), join(cwd, 'turn.log'));
    const running = runAgent({
      command: node('echo-prompt.mjs'),
      cwd,
      prompt: 'p',
      env: process.env,
      timeoutMs: 60_000,
      stallMs: 60_000,
      logFile: join(cwd, 'turn.log'),
    });
    await expect(running).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep\n');
  });

  it('is TOOL_MISSING naming the worktree when the agent cannot be started there', async () => {
    const cwd = temp();
    await expect(
      runAgent({
        command: 'true',
        cwd: join(cwd, 'gone'),
        prompt: 'p',
        env: process.env,
        timeoutMs: 60_000,
        stallMs: 60_000,
      }),
    ).rejects.toMatchObject({ code: 'TOOL_MISSING' });
  });
});
