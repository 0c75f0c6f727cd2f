import { describe, expect, it } from 'vitest';
import { runProcess } from './run-process.js';

describe('runProcess', () => {
  it('stops a child whose output passes the limit, and says so', async () => {
    const result = await runProcess('sh', ['-c', 'while :; do echo 0123456789012345678901234567890123456789; done'], {
      maxOutput: 100_000,
    });
    expect(result).toMatchObject({ code: 1, stdout: '', overflowed: true, missing: false });
    expect(result.stderr).toBe('sh printed more than 100000 characters; it was stopped');
  });

  it('keeps only a tail of streamed and error output, however much there is', async () => {
    let streamed = 0;
    const script =
      'i=0; while [ $i -lt 4000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; echo e0123456789012345678901234567890123456789012345678901234567890123456789 >&2; i=$((i+1)); done; echo last >&2';
    const result = await runProcess('sh', ['-c', script], { onStdout: (chunk) => (streamed += chunk.length) });
    expect(result.code).toBe(0);
    expect(streamed).toBe(4000 * 71);
    expect(result.stdout.length).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(result.stderr.length).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(result.stderr.endsWith('last\n')).toBe(true);
  });

  it('reports a program that is not installed', async () => {
    expect(await runProcess('harness-no-such-program', [])).toMatchObject({ code: 127, missing: true });
  });
});
