import { describe, expect, it } from 'vitest';
import { waitForInterrupt, withInterrupt } from './with-interrupt.js';

const listeners = () => ({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') });

describe('withInterrupt', () => {
  it('aborts the signal on SIGINT and on SIGTERM, and removes its handlers afterwards', async () => {
    const before = listeners();
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      const reason = await withInterrupt(async (signal) => {
        expect(signal.aborted).toBe(false);
        const aborted = new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        expect(listeners()).toEqual({ int: before.int + 1, term: before.term + 1 });
        // The handler is called as a delivered signal would call it, without signalling the test runner.
        for (const handler of process.listeners(name).slice(before[name === 'SIGINT' ? 'int' : 'term']))
          (handler as () => void)();
        await aborted;
        return signal.aborted;
      });
      expect(reason).toBe(true);
      expect(listeners()).toEqual(before);
    }
  });

  it('removes its handlers when the work fails', async () => {
    const before = listeners();
    await expect(withInterrupt(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(listeners()).toEqual(before);
  });

  it('waitForInterrupt resolves on the first interrupt and leaves no handler behind', async () => {
    const before = listeners();
    const waiting = waitForInterrupt();
    expect(listeners()).toEqual({ int: before.int + 1, term: before.term + 1 });
    for (const handler of process.listeners('SIGTERM').slice(before.term)) (handler as () => void)();
    await waiting;
    expect(listeners()).toEqual(before);
  });
});
