import { lstat, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyFixes, planFixes } from './apply-fixes.js';
import type { Finding } from './rules/docs-rule.js';
import { writeTempRepo } from './temp-repo.fixture.js';

const text = '[Setup](docs/setup.md)\n';
const renamed = (file: string): Finding => ({
  rule: 'broken-link',
  severity: 'error',
  file,
  line: 1,
  message: 'moved',
  fix: 'change it',
  edit: { file, start: 8, end: 21, expected: 'docs/setup.md', replacement: 'docs/install/setup.md' },
});

describe('applyFixes', () => {
  it('rewrites a regular file, and never writes through a symbolic link, in the tree or out of it', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'harness-fix-outside-'));
    onTestFinished(() => rm(outside, { recursive: true, force: true }));
    await writeFile(join(outside, 'victim.md'), text);
    const root = await writeTempRepo(
      { 'AGENTS.md': text, 'docs/guide.md': text },
      { 'CLAUDE.md': 'AGENTS.md', 'docs/out.md': join(outside, 'victim.md') },
    );
    const applied = await applyFixes(root, planFixes(['docs/guide.md', 'CLAUDE.md', 'docs/out.md'].map(renamed)));
    expect(applied).toEqual({ files: 1, skipped: ['CLAUDE.md', 'docs/out.md'] });
    expect(await readFile(join(root, 'docs/guide.md'), 'utf8')).toBe('[Setup](docs/install/setup.md)\n');
    expect(await readFile(join(outside, 'victim.md'), 'utf8')).toBe(text);
    expect(await readFile(join(root, 'AGENTS.md'), 'utf8')).toBe(text);
    expect((await lstat(join(root, 'CLAUDE.md'))).isSymbolicLink()).toBe(true);
  });
});
