// A write is flushed to the disk before its rename unless it is a cache (durable: false).
import type * as Fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fsync = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  return {
    ...fs,
    fsyncSync: (fd: number) => {
      fsync.calls += 1;
      fs.fsyncSync(fd);
    },
  };
});

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomicSync durable', () => {
  it('fsyncs by default and not for a cache, writing the same text either way', async () => {
    // A fresh copy of the module, which imports the node:fs above even when another test file of
    // this worker loaded the real one first.
    vi.resetModules();
    const { writeFileAtomicSync } = await import('./write-file-atomic.js');
    const dir = mkdtempSync(join(tmpdir(), 'harness-durable-'));
    made.push(dir);
    fsync.calls = 0;
    writeFileAtomicSync(join(dir, 'kept.json'), 'kept\n');
    expect(fsync.calls).toBe(1);
    writeFileAtomicSync(join(dir, 'cache.json'), 'cache\n', { durable: false });
    expect(fsync.calls).toBe(1);
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('kept\n');
    expect(readFileSync(join(dir, 'cache.json'), 'utf8')).toBe('cache\n');
  });
});
