import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeLeftoverTemps, writeFileAtomic } from './write-file-atomic.js';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-atomic-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the folder, replaces a file whole, and leaves no temporary file behind', async () => {
    const dir = temp();
    const path = join(dir, 'a', 'b', 'file.json');
    await writeFileAtomic(path, 'one\n');
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    await writeFileAtomic(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['file.json']);
  });

  it('fails when the target is a folder, and keeps what was there', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow();
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const path = join(temp(), 'run');
    writeFileSync(path, 'old');
    chmodSync(path, 0o755);
    await writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o755);
  });

  it('writes the file a symlink leads to, or with replaceLink replaces the link itself', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'real.md'), 'old\n');
    symlinkSync('real.md', join(dir, 'alias.md'));
    await writeFileAtomic(join(dir, 'alias.md'), 'through\n');
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('through\n');
    await writeFileAtomic(join(dir, 'alias.md'), 'own\n', { replaceLink: true });
    expect(lstatSync(join(dir, 'alias.md')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('through\n');
  });
});

describe('removeLeftoverTemps', () => {
  it('removes what interrupted writes of gone processes left, and nothing else', () => {
    const dir = temp();
    const names = [
      'a.md',
      'a.md.harness-init-tmp',
      `a.md.harness-tmp-${2 ** 22 + 17}-1`,
      `a.md.harness-tmp-${process.pid}-1`,
      'b.md.harness-init-tmp',
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeLeftoverTemps(dir, 'a.md');
    expect(readdirSync(dir).sort()).toEqual(['a.md', `a.md.harness-tmp-${process.pid}-1`, 'b.md.harness-init-tmp']);
  });
});
