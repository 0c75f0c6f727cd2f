// The runner against real processes: bounded output, stdin errors, process groups, timers and aborts
// fired as events (an injected clock), never by waiting for a window of time to pass.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { TimerKind, Timers } from '../src/run-process.js';
import { noPromptEnv, runProcess } from '../src/run-process.js';
import { exitCodeOf } from '../src/signals.js';

/** Timers that fire only when the test says so; `armed(kind, n)` resolves once `kind` was set n times. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; kind: TimerKind }>();
  const sets = new Map<TimerKind, number>();
  const waiters: Array<() => void> = [];
  let ids = 0;
  const timers: Timers = {
    set(callback, _ms, kind) {
      pending.set((ids += 1), { callback, kind });
      sets.set(kind, (sets.get(kind) ?? 0) + 1);
      for (const wake of waiters.splice(0)) wake();
      return ids;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const armed = (kind: TimerKind, count: number): Promise<void> =>
    (sets.get(kind) ?? 0) >= count
      ? Promise.resolve()
      : new Promise((r) => waiters.push(() => void armed(kind, count).then(r)));
  const fire = (kind: TimerKind) => {
    for (const [id, timer] of [...pending]) {
      if (timer.kind !== kind) continue;
      pending.delete(id);
      timer.callback();
    }
  };
  return { timers, armed, fire };
}

/** Running, not a zombie: in a container nobody may reap an orphaned grandchild. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runProcess', () => {
  it('stops a child whose output passes the cap, and says so', async () => {
    const loop = 'while :; do echo 0123456789012345678901234567890123456789; done';
    const result = await runProcess('sh', ['-c', loop], { maxOutputBytes: 100_000 });
    expect(result).toMatchObject({ stdout: '', truncated: true, killed: 'overflow', missing: false });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('sh printed more than 100000 bytes; it was stopped');
  });

  it('keeps only the end of stdout when asked, and counts the bytes it dropped', async () => {
    const script = `process.stdout.write('x'.repeat(3 * 1024 * 1024) + '\\n{"outcome":"done"}\\n')`;
    const result = await runProcess(process.execPath, ['-e', script], {
      maxOutputBytes: 1024 * 1024,
      overflow: 'keep-end',
    });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(1024 * 1024);
    expect(result.stdout.endsWith('{"outcome":"done"}\n')).toBe(true);
    expect(result).toMatchObject({ truncated: true, droppedBytes: 3 * 1024 * 1024 + 20 - 1024 * 1024 });
    expect(result.killed).toBeUndefined();
  });

  it('streams output and keeps only a tail of stderr, however much there is', async () => {
    let streamed = 0;
    const script =
      'i=0; while [ $i -lt 4000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; echo e0123456789012345678901234567890123456789012345678901234567890123456789 >&2; i=$((i+1)); done; echo last >&2';
    const result = await runProcess('sh', ['-c', script], {
      onStdout: (chunk) => (streamed += chunk.length),
      maxOutputBytes: 64 * 1024,
      overflow: 'keep-end',
    });
    expect(result.code).toBe(0);
    expect(streamed).toBe(4000 * 71);
    expect(result.stdout.length).toBeLessThanOrEqual(64 * 1024);
    expect(result.stderr.length).toBeLessThanOrEqual(64 * 1024);
    expect(result.stderr.endsWith('last\n')).toBe(true);
  });

  it('reports a program that is not installed, or rejects with TOOL_MISSING and the install fix when given one', async () => {
    expect(await runProcess('harness-no-such-program', [])).toMatchObject({ code: 127, missing: true });
    await expect(runProcess('harness-no-such-program', [], { missingFix: 'Install it.' })).rejects.toMatchObject({
      code: 'TOOL_MISSING',
      fix: 'Install it.',
    });
  });

  it('finishes cleanly when the child exits without reading megabytes of input (EPIPE on its stdin)', async () => {
    const result = await runProcess('sh', ['-c', 'exit 3'], { input: 'x'.repeat(16 * 1024 * 1024) });
    expect(result).toMatchObject({ code: 3, missing: false });
  });

  it('closes stdin unless input is given, and hands input to the child', async () => {
    expect((await runProcess('cat', [])).stdout).toBe('');
    expect((await runProcess('cat', [], { input: 'hello' })).stdout).toBe('hello');
  });

  it('never lets a child prompt: git and credential helpers are told not to ask', async () => {
    const result = await runProcess('sh', ['-c', 'echo "$GIT_TERMINAL_PROMPT|$GIT_ASKPASS|$GCM_INTERACTIVE"'], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: '1', GIT_ASKPASS: '/usr/bin/ask' },
    });
    expect(result.stdout).toBe('0||never\n');
    expect(noPromptEnv({ PATH: '/bin', SSH_ASKPASS: 'x' })).toEqual({
      PATH: '/bin',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GCM_INTERACTIVE: 'never',
    });
  });

  it('runs a command line through the shell, with the exit code of a signal as a shell reports it', async () => {
    expect(await runProcess('echo one; exit 4', [], { shell: true })).toMatchObject({ code: 4, stdout: 'one\n' });
    expect(await runProcess('kill -TERM $$', [], { shell: true })).toMatchObject({ code: 143, signal: 'SIGTERM' });
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
  });

  it('kills the whole process group when the idle timer fires, and says why', async () => {
    const clock = manualTimers();
    // The child starts a grandchild, prints its pid, then goes silent.
    const script = 'sleep 600 & echo $!; wait';
    let pid = 0;
    const running = runProcess('sh', ['-c', script], {
      processGroup: true,
      idleMs: 1000,
      timers: clock.timers,
      onStdout: (chunk) => (pid = Number(chunk.trim())),
    });
    await clock.armed('idle', 2); // armed at the start, and again when the pid line was heard
    clock.fire('idle');
    const result = await running;
    expect(result).toMatchObject({ killed: 'idle', signal: 'SIGKILL' });
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 5_000, interval: 10 });
  });

  it('stops a child at its timeout, SIGTERM first when a grace is given', async () => {
    const clock = manualTimers();
    const running = runProcess('sleep', ['600'], { timeoutMs: 1000, killGraceMs: 5000, timers: clock.timers });
    await clock.armed('timeout', 1);
    clock.fire('timeout');
    expect(await running).toMatchObject({ killed: 'timeout', signal: 'SIGTERM', code: 143 });
  });

  it('stops a child when its AbortSignal fires, and measures with the injected clock', async () => {
    const abort = new AbortController();
    let now = 1000;
    const running = runProcess('sleep', ['600'], {
      signal: abort.signal,
      clock: () => (now += 250),
      onStart: () => abort.abort(),
    });
    expect(await running).toMatchObject({ killed: 'abort', signal: 'SIGKILL', durationMs: 250 });
  });
});
