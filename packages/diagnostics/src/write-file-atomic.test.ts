import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  it('creates the folder, replaces a file whole, and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-atomic-'));
    const path = join(dir, 'a', 'b', 'file.json');
    await writeFileAtomic(path, 'one\n');
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    await writeFileAtomic(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['file.json']);
  });

  it('fails when the target is a folder, and keeps what was there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-atomic-'));
    writeFileSync(join(dir, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow();
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});
