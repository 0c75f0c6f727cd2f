import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeLeftoverTemps } from './write-file-atomic.js';
import { writeFileInside } from './write-inside.js';

/** What `harness init` 0.1 left beside a file it was interrupted writing. */
const temporaryPathFor = (path: string): string => `${path}.harness-init-tmp`;
const writeFileAtomic = (root: string, path: string, text: string) =>
  writeFileInside(root, path, text, { replaceLink: true });

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-init-atomic-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileInside with replaceLink (init)', () => {
  it('refuses a folder on the way that links out of the repository, and writes nothing there', async () => {
    const root = temp();
    const outside = temp();
    symlinkSync(outside, join(root, 'docs'));
    await expect(writeFileAtomic(root, 'docs/index.md', 'x')).rejects.toMatchObject({
      code: 'IO_FAILED',
      place: { file: 'docs/index.md' },
    });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('replaces a link at the target itself and never writes through a planted temporary link', async () => {
    const root = temp();
    const outside = temp();
    writeFileSync(join(outside, 'target.md'), 'theirs\n');
    writeFileSync(join(outside, 'planted.md'), 'theirs too\n');
    symlinkSync(join(outside, 'target.md'), join(root, 'AGENTS.md'));
    symlinkSync(join(outside, 'planted.md'), temporaryPathFor(join(root, 'AGENTS.md')));
    removeLeftoverTemps(root, 'AGENTS.md');
    await writeFileAtomic(root, 'AGENTS.md', 'ours\n');
    expect(lstatSync(join(root, 'AGENTS.md')).isFile()).toBe(true);
    expect(readFileSync(join(root, 'AGENTS.md'), 'utf8')).toBe('ours\n');
    expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe('theirs\n');
    expect(readFileSync(join(outside, 'planted.md'), 'utf8')).toBe('theirs too\n');
    expect(existsSync(temporaryPathFor(join(root, 'AGENTS.md')))).toBe(false);
  });

  it('follows a folder linked inside the repository', async () => {
    const root = temp();
    mkdirSync(join(root, 'real'));
    symlinkSync('real', join(root, 'alias'));
    await writeFileAtomic(root, 'alias/a.md', 'a\n');
    expect(readFileSync(join(root, 'real', 'a.md'), 'utf8')).toBe('a\n');
  });
});
