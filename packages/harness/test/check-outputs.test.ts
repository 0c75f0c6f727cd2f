// `harness check --sarif FILE --summary FILE`: one run of the checks, every output (issue #20).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

interface SarifLog {
  version: string;
  runs: { results: { ruleId: string }[]; invocations?: { executionSuccessful: boolean }[] }[];
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A git repository whose docs check finds one error: no AGENTS.md map. */
function repo(config = 'version: 1\ndocs: {}\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-outputs-'));
  made.push(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(join(dir, 'harness.config.yaml'), config);
  return dir;
}

const run = runMain;

describe('check --sarif and --summary', () => {
  it('writes annotations, the SARIF file and the step summary from one run', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'summary.md'), '# before\n');
    const result = await run(
      ['check', '--format', 'json', '--sarif', 'out/harness.sarif', '--summary', 'summary.md'],
      dir,
    );
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as { checks: { durationMs: number }[]; diagnostics: { rule: string }[] };
    expect(doc.diagnostics.map((d) => d.rule)).toContain('docs/map-missing');
    const sarif = JSON.parse(readFileSync(join(dir, 'out/harness.sarif'), 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(doc.diagnostics.map((d) => d.rule));
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    // Appended: what earlier steps wrote to $GITHUB_STEP_SUMMARY stays.
    expect(summary.startsWith('# before\n')).toBe(true);
    expect(summary).toContain('❌ failed');
    expect(summary).toContain('docs/map-missing');
    // The same run: the summary's time is the JSON document's.
    expect(summary).toContain(`| ${doc.checks[0]?.durationMs} ms |`);
  });

  it('prints github annotations on stdout while the files are written', async () => {
    const dir = repo();
    const result = await run(['check', '--format', 'github', '--summary', 's.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=AGENTS\.md/m);
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toContain('## harness check');
  });

  it.each([
    ['an empty path', ['--sarif', ''], '--sarif needs a file name'],
    ['a folder', ['--sarif', 'folder'], '--sarif folder is a folder'],
    ['a path under a file', ['--sarif', 'plain.txt/harness.sarif'], 'which is a file'],
    ['the same file twice', ['--sarif', './written.md'], '--sarif and --summary name the same file'],
  ])('refuses %s with exit 2 before running, and writes nothing', async (_what, options, said) => {
    const dir = repo();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'plain.txt'), 'text\n');
    const result = await run(['check', '--summary', 'written.md', ...options], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(said);
    expect(existsSync(join(dir, 'written.md'))).toBe(false);
  });

  it('writes the error into the files when the checks cannot run (exit 2)', async () => {
    const dir = repo('version: 1\ndocs:\n  mapp: AGENTS.md\n');
    const result = await run(['check', '--sarif', 'h.sarif', '--summary', 's.md'], dir);
    expect(result.code).toBe(2);
    const sarif = JSON.parse(readFileSync(join(dir, 'h.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toContain('could not run');
  });
});
