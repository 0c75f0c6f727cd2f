// The fast path changes how markdown is parsed, never what the check finds: `harness check docs` on
// a generated tree (this repository's markdown, every CommonMark spec example as a page, each also
// with `@` after every space) gives the same findings with markdown-it as with micromark alone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { CheckDocsResult } from '../src/check-docs.js';
import { fastFacts } from '../src/parse-fast.js';
import { docsConfig, writeGitRepo } from '../src/temp-repo.fixture.js';

function generatedTree(): Record<string, string> {
  const root = new URL('../../..', import.meta.url).pathname;
  const files: Record<string, string> = {};
  for (const path of execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' }).split('\n'))
    if (path !== '') files[path] = readFileSync(`${root}/${path}`, 'utf8');
  const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
  for (const [n, { markdown }] of spec.tests.entries()) {
    files[`docs/spec/example-${n}.md`] = markdown;
    files[`docs/spec/at/example-${n}.md`] = markdown.replaceAll(' ', ' @');
  }
  return files;
}

async function check(root: string): Promise<CheckDocsResult> {
  const { checkDocs } = await import('../src/check-docs.js');
  return checkDocs({ root, config: docsConfig(), cache: false, now: 1_800_000_000 });
}

describe('the fast path in harness check docs', () => {
  it('gives the findings micromark alone gives on a generated tree', { timeout: 300_000 }, async () => {
    const files = generatedTree();
    const fast = Object.values(files).filter((text) => fastFacts(text) !== undefined).length;
    expect(fast).toBeGreaterThan(Object.keys(files).length * 0.8);
    const root = await writeGitRepo(files, '2026-01-01T12:00:00Z');
    const withFast = await check(root);
    vi.resetModules();
    vi.doMock('../src/parse-fast.js', () => ({ fastFacts: () => undefined }));
    const micromarkOnly = await check(root);
    vi.doUnmock('../src/parse-fast.js');
    expect(withFast.diagnostics.length).toBeGreaterThan(500);
    expect(withFast.files).toBe(micromarkOnly.files);
    expect(withFast.diagnostics).toEqual(micromarkOnly.diagnostics);
    expect(withFast.notes).toEqual(micromarkOnly.notes);
  });
});
