import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dropWritesAfterClose } from './closed-output.js';

function pipeThatCloses(afterChunks: number): { stream: Writable; received: string[] } {
  const received: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (received.length >= afterChunks) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        return;
      }
      received.push(chunk.toString());
      callback();
    },
  });
  return { stream, received };
}

describe('dropWritesAfterClose', () => {
  it('drops writes after EPIPE instead of raising an unhandled error', async () => {
    const { stream, received } = pipeThatCloses(1);
    const write = dropWritesAfterClose(stream);
    write('first\n');
    write('second\n');
    await new Promise((resolve) => setImmediate(resolve));
    write('third\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual(['first\n']);
  });

  it('passes other stream errors on', () => {
    const stream = new Writable({ write: (_c, _e, callback) => callback() });
    dropWritesAfterClose(stream);
    expect(() => stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow('no space');
  });
});
