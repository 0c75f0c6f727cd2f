// The built `harness` bin on a small repository without harness.config.yaml, with a clean
// environment: stdout, stderr, exit code.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeGitRepo } from '../src/temp-repo.fixture.js';

const bin = new URL('../../harness/bin/harness.js', import.meta.url).pathname;

async function harness(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('harness check docs (built bin)', () => {
  it('runs on the defaults without a config file, exits 1 with JSON findings, then 0 once a baseline accepts them', async () => {
    const root = await writeGitRepo(
      {
        'package.json': '{"scripts":{"build":"tsc"}}',
        'AGENTS.md': '# Map\n\n- Build: `pnpm build`; lint: `pnpm run lint`\n- [Architecture](docs/architecture.md)\n',
        'CLAUDE.md': 'See [AGENTS.md](AGENTS.md).\n',
        'docs/architecture.md': '# Architecture\n',
        'docs/forgotten.md': '# Nobody links here\n',
      },
      '2026-01-01T12:00:00Z',
    );
    const first = await harness(root, 'check', 'docs', '--format', 'json');
    expect(first.code).toBe(1);
    const doc = JSON.parse(first.stdout) as {
      ok: boolean;
      checks: unknown[];
      diagnostics: Array<Record<string, unknown>>;
    };
    expect(doc.checks).toMatchObject([{ name: 'docs', ok: false, files: 4 }]);
    expect(doc.diagnostics.map((d) => [d.rule, d.file, d.severity])).toEqual([
      ['docs/command', 'AGENTS.md', 'error'],
      ['docs/shim', 'CLAUDE.md', 'warning'],
      ['docs/orphan', 'docs/forgotten.md', 'warning'],
    ]);
    expect(doc.diagnostics[0]).toEqual({
      check: 'docs',
      rule: 'docs/command',
      severity: 'error',
      file: 'AGENTS.md',
      line: 3,
      column: 30,
      target: 'pnpm lint',
      message: '`pnpm run lint` runs the script "lint", which no package.json in the repository defines.',
      fix: 'Change the command to a script that exists (root package.json: build), or add "lint" to the scripts of the package.json it belongs to.',
      docs: 'docs/rules/docs.md#command',
    });

    const update = await harness(root, 'check', 'docs', '--update-baseline');
    expect(update.stderr).toContain('docs: wrote .harness/baseline/docs.json: 3 entries (+3, -0).');
    expect(update.code).toBe(0);
    expect((await harness(root, 'check', 'docs')).code).toBe(0);
  });
});
