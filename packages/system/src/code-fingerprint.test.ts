import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFingerprint } from './code-fingerprint.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package folder with a dist/ of the given modules; returns dist/. */
function build(version: string, modules: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'harness-fingerprint-'));
  made.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version }));
  for (const [path, text] of Object.entries(modules)) {
    mkdirSync(join(root, 'dist', path, '..'), { recursive: true });
    writeFileSync(join(root, 'dist', path), text);
    utimesSync(join(root, 'dist', path), 1_700_000_000, 1_700_000_000);
  }
  return join(root, 'dist');
}

describe('codeFingerprint', () => {
  it('is the version and a hash of the modules: the same build gives the same, another version or module another', async () => {
    const modules = { 'a.js': 'a', 'rules/b.js': 'bb', 'a.d.ts': 'x', 'notes.md': 'not code' };
    const first = await codeFingerprint(build('1.2.3', modules));
    expect(first).toMatch(/^1\.2\.3\+[\w-]{16}$/);
    expect(await codeFingerprint(build('1.2.3', modules))).toBe(first);
    expect(await codeFingerprint(build('1.2.4', modules))).not.toBe(first);
    expect(await codeFingerprint(build('1.2.3', { ...modules, 'rules/b.js': 'bbb' }))).not.toBe(first);
    expect(await codeFingerprint(build('1.2.3', { ...modules, 'rules/c.js': '' }))).not.toBe(first);
    // Neither tests nor files that are not modules count.
    expect(await codeFingerprint(build('1.2.3', { ...modules, 'a.test.ts': 'x', 'more.md': 'y' }))).toBe(first);
  });
});
