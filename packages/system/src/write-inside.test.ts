import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  lstatSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirInside, removeInside, writeFileInside } from './write-inside.js';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-write-inside-')));
  root = join(base, 'repo');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'env'), 'theirs\n');
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('writeFileInside', () => {
  it('writes a new file and its folders', async () => {
    await writeFileInside(root, join(root, '.harness', 'env'), 'A=1\n');
    expect(readFileSync(join(root, '.harness', 'env'), 'utf8')).toBe('A=1\n');
  });

  it('does not write through a file symlink that leads out of the root', async () => {
    mkdirSync(join(root, '.harness'));
    symlinkSync(join(outside, 'env'), join(root, '.harness', 'env'));
    await expect(writeFileInside(root, join(root, '.harness', 'env'), 'A=1\n')).rejects.toMatchObject({
      code: 'IO_FAILED',
      message: expect.stringContaining('leads out of the repository'),
    });
    expect(readFileSync(join(outside, 'env'), 'utf8')).toBe('theirs\n');
  });

  it('does not write into a folder symlink that leads out of the root', async () => {
    symlinkSync(outside, join(root, '.harness'));
    await expect(writeFileInside(root, join(root, '.harness', 'compose', 'compose.yaml'), 'x')).rejects.toMatchObject({
      code: 'IO_FAILED',
    });
    await expect(mkdirInside(root, join(root, '.harness', 'compose'))).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(existsSync(join(outside, 'compose'))).toBe(false);
  });

  it('refuses a dangling symlink that leads out', async () => {
    mkdirSync(join(root, '.harness'));
    symlinkSync(join(outside, 'new-file'), join(root, '.harness', 'env'));
    await expect(writeFileInside(root, join(root, '.harness', 'env'), 'A=1\n')).rejects.toMatchObject({
      code: 'IO_FAILED',
    });
    expect(existsSync(join(outside, 'new-file'))).toBe(false);
  });

  it('follows a symlink whose target stays inside the root', async () => {
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, '.harness'));
    await writeFileInside(root, join(root, '.harness', 'env'), 'A=1\n');
    expect(readFileSync(join(root, 'real', 'env'), 'utf8')).toBe('A=1\n');
  });

  it('is IO_FAILED when a folder stands where the file goes', async () => {
    mkdirSync(join(root, '.harness', 'env'), { recursive: true });
    await expect(writeFileInside(root, join(root, '.harness', 'env'), 'A=1\n')).rejects.toMatchObject({
      code: 'IO_FAILED',
      message: expect.stringContaining('cannot write'),
    });
  });
});

describe('removeInside', () => {
  it('removes a symlink itself, never its target', async () => {
    mkdirSync(join(root, '.harness'));
    symlinkSync(join(outside, 'env'), join(root, '.harness', 'env'));
    await removeInside(root, join(root, '.harness', 'env'));
    expect(() => lstatSync(join(root, '.harness', 'env'))).toThrow();
    expect(readFileSync(join(outside, 'env'), 'utf8')).toBe('theirs\n');
  });

  it('does not delete through a folder symlink out of the root', async () => {
    symlinkSync(outside, join(root, '.harness'));
    await expect(removeInside(root, join(root, '.harness', 'env'))).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(readFileSync(join(outside, 'env'), 'utf8')).toBe('theirs\n');
  });

  it('is quiet when the file is absent', async () => {
    await removeInside(root, join(root, '.harness', 'env'));
  });
});
