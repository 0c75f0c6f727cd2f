import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from './command-spec.js';
import { commands } from './commands.js';
import { main } from './main.js';
import { renderCliDocs } from './render-help.js';

function run(argv: string[], cwd: string, table?: readonly CommandSpec[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), isTTY: false, env: {}, cwd };
  return main(argv, io, table).then((code) => ({ code, stdout, stderr }));
}

function repo(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-cli-'));
  mkdirSync(join(dir, '.git'));
  if (config !== undefined) writeFileSync(join(dir, 'harness.config.yaml'), config);
  return dir;
}

describe('main', () => {
  it('prints help and exits 0', async () => {
    const result = await run(['--help'], repo());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: harness <command>');
    expect(result.stdout).toContain('check');
  });

  it('exits 2 on a misspelt config key, naming file, line, key and suggestion, without a stack', async () => {
    const result = await run(['check'], repo('version: 1\nlayers:\n  domians: ["src/*"]\n'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('harness.config.yaml:3:3');
    expect(result.stderr).toContain('layers.domians');
    expect(result.stderr).toContain('did you mean "domains"?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown command and an unknown option, with suggestions', async () => {
    expect((await run(['chek'], repo())).stderr).toContain('did you mean "check"?');
    const option = await run(['check', '--formt', 'json'], repo());
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('did you mean "--format"?');
  });

  it('exits 2 on a command group without its subcommand, listing the subcommands', async () => {
    const table: CommandSpec[] = ['plan', 'apply'].map((word) => ({ name: `sets ${word}`, summary: word, run: () => Promise.resolve({ ok: true }) }));
    const result = await run(['sets'], repo(), table);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"harness sets" needs a subcommand: plan, apply');
  });

  it('exits 2 on an unknown format', async () => {
    const result = await run(['check', '--format', 'xml'], repo());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('USAGE');
  });

  it('maps ok to 0, findings to 1, bugs to 2 with a report hint', async () => {
    const table = (outcome: () => Promise<{ ok: boolean }>): CommandSpec[] => [{ name: 'x', summary: 'x', run: outcome }];
    expect((await run(['x'], repo(), table(() => Promise.resolve({ ok: true })))).code).toBe(0);
    expect((await run(['x'], repo(), table(() => Promise.resolve({ ok: false })))).code).toBe(1);
    const bug = await run(['x'], repo(), table(() => Promise.reject(new TypeError('boom'))));
    expect(bug.code).toBe(2);
    expect(bug.stderr).toContain('internal error: boom');
    expect(bug.stderr).toContain('bug in harness');
    expect(bug.stderr).not.toContain('TypeError: boom\n    at');
    const debug = await run(['x', '--debug'], repo(), table(() => Promise.reject(new TypeError('boom'))));
    expect(debug.stderr).toContain('    at ');
  });

  it('prints SPEC’s JSON document for check --format json', async () => {
    const result = await run(['check', '--format', 'json'], repo('version: 1\n'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, ok: true, diagnostics: [] });
  });
});

describe('docs/cli.md', () => {
  it('is generated from the command table (run `pnpm generate` when this fails)', () => {
    const committed = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCliDocs(commands));
  });
});
