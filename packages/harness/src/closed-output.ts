// Writing to a stream whose reader has gone (EPIPE: `harness check | head -1`, a closed terminal).
// Node reports it as an 'error' event on the stream, which kills the process with a stack trace
// when nobody listens. The reader has gone, so there is nobody to tell: later writes are dropped
// and the command ends with its own exit code.
import type { Writable } from 'node:stream';

const closedCodes = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** A write function for `stream` that drops text once the stream's reader has gone. */
export function dropWritesAfterClose(stream: Writable): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== undefined && closedCodes.has(error.code)) {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}
