import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { excludeGeneratedFiles } from './local-excludes.js';

let commonDir: string;
beforeEach(() => {
  commonDir = mkdtempSync(join(tmpdir(), 'harness-exclude-'));
});
afterEach(() => rmSync(commonDir, { recursive: true, force: true }));

describe('excludeGeneratedFiles', () => {
  it('adds the generated files to info/exclude once, keeping what is there', async () => {
    mkdirSync(join(commonDir, 'info'));
    writeFileSync(join(commonDir, 'info', 'exclude'), '*.log');
    await excludeGeneratedFiles(commonDir);
    await excludeGeneratedFiles(commonDir);
    expect(readFileSync(join(commonDir, 'info', 'exclude'), 'utf8')).toBe(
      '*.log\n# harness up: per-worktree generated files\n/.harness/env\n/.harness/compose/\n',
    );
  });

  it('creates the file when git has none', async () => {
    await excludeGeneratedFiles(commonDir);
    expect(readFileSync(join(commonDir, 'info', 'exclude'), 'utf8')).toContain('/.harness/env\n');
  });
});
