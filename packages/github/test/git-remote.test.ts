// readOriginUrl against a real git: an absurd remote is an error, not "no remote"; no git is TOOL_MISSING.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOriginUrl } from '../src/index.js';

const made: string[] = [];
function repo(origin?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-github-remote-'));
  made.push(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  if (origin !== undefined) execFileSync('git', ['config', 'remote.origin.url', origin], { cwd: dir });
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readOriginUrl', () => {
  it('reads the origin, and undefined without one', async () => {
    expect(await readOriginUrl(repo('git@github.com:octo-org/app.git'))).toBe('git@github.com:octo-org/app.git');
    expect(await readOriginUrl(repo())).toBeUndefined();
  });

  it('says the origin URL is too long instead of reading it as no remote', async () => {
    const dir = repo();
    appendFileSync(
      join(dir, '.git/config'),
      `[remote "origin"]\n\turl = https://github.com/octo-org/${'a'.repeat(2 * 1024 * 1024)}\n`,
    );
    await expect(readOriginUrl(dir)).rejects.toMatchObject({ code: 'GIT_FAILED', place: { key: 'remote.origin.url' } });
  });

  it('is TOOL_MISSING when git cannot be started', async () => {
    const dir = repo();
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-bin');
    try {
      await expect(readOriginUrl(dir)).rejects.toMatchObject({ code: 'TOOL_MISSING' });
    } finally {
      process.env.PATH = path;
    }
  });
});
