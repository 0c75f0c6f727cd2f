// Bounded capture of a child's output: bytes in, a string out, never more than a cap held in memory.

/** What is kept of stderr: error messages are read from their last lines. */
export const stderrTailBytes = 64 * 1024;

export interface OutputBuffer {
  /** Adds a chunk; false when the buffer is in `head` mode and the chunk passed the cap (nothing more is kept). */
  push(chunk: Buffer): boolean;
  text(): string;
  /** Bytes that were not kept. */
  dropped(): number;
}

/**
 * `head`: keeps the first `max` bytes and reports the overflow (an answer cut short is no answer);
 * `end`: keeps the last `max` bytes (a transcript whose outcome is its last line). A kept end may
 * start inside a multi-byte character, which then decodes as U+FFFD.
 */
export function createOutputBuffer(max: number, keep: 'head' | 'end'): OutputBuffer {
  let chunks: Buffer[] = [];
  let size = 0;
  let total = 0;
  // In `end` mode the chunks are joined only when they hold twice the cap, so many small chunks cost linear time.
  const compact = () => {
    const all = Buffer.concat(chunks);
    chunks = [all.subarray(Math.max(0, all.length - max))];
    size = chunks[0]?.length ?? 0;
  };
  return {
    push(chunk) {
      total += chunk.length;
      if (keep === 'head' && size + chunk.length > max) return false;
      chunks.push(chunk);
      size += chunk.length;
      if (keep === 'end' && size > 2 * max) compact();
      return true;
    },
    text() {
      if (size > max) compact();
      return Buffer.concat(chunks).toString('utf8');
    },
    dropped: () => total - Math.min(size, max),
  };
}
