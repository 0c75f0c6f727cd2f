import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandEntry, CommandSpec } from './command-spec.js';
import { commandTable, loadCommands } from './commands.js';
import { main } from './main.js';
import { renderCliDocs } from './render-help.js';

function run(argv: string[], cwd: string, table?: readonly CommandSpec[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    isTTY: false,
    env: {},
    cwd,
  };
  const entries = table?.map((spec): CommandEntry => ({ name: spec.name, load: () => Promise.resolve(spec) }));
  return main(argv, io, entries).then((code) => ({ code, stdout, stderr }));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-cli-'));
  made.push(dir);
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
    const table: CommandSpec[] = ['plan', 'apply'].map((word) => ({
      name: `sets ${word}`,
      summary: word,
      run: () => Promise.resolve({ ok: true }),
    }));
    const result = await run(['sets'], repo(), table);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"harness sets" needs a subcommand: plan, apply');
  });

  it('loads only the spec of the command it runs; --version none; --help and a misspelt command all', async () => {
    const loaded: string[] = [];
    const table: CommandEntry[] = ['plan', 'apply', 'show'].map((name) => ({
      name,
      load: () => {
        loaded.push(name);
        return Promise.resolve({ name, summary: `${name} it`, run: () => Promise.resolve({ ok: true }) });
      },
    }));
    const dir = repo();
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: dir };
    expect(await main(['apply', '--format', 'json'], io, table)).toBe(0);
    expect(loaded).toEqual(['apply']);
    loaded.length = 0;
    expect(await main(['--version'], io, table)).toBe(0);
    expect(loaded).toEqual([]);
    let help = '';
    expect(await main(['--help'], { ...io, stdout: (t: string) => void (help += t) }, table)).toBe(0);
    expect(loaded).toEqual(['plan', 'apply', 'show']);
    expect(help).toMatch(/plan\s+plan it\n\s+apply\s+apply it\n\s+show\s+show it/);
    let misspelt = '';
    expect(await main(['aply'], { ...io, stderr: (t: string) => void (misspelt += t) }, table)).toBe(2);
    expect(misspelt).toContain('did you mean "apply"?');
  });

  it('names each command in the table as its spec does', async () => {
    const specs = await loadCommands();
    expect(specs.map((spec) => spec.name)).toEqual(commandTable.map((entry) => entry.name));
  });

  it('exits 2 on an unknown format', async () => {
    const result = await run(['check', '--format', 'xml'], repo());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('USAGE');
  });

  it('maps ok to 0, findings to 1, bugs to 2 with a report hint', async () => {
    const table = (outcome: () => Promise<{ ok: boolean }>): CommandSpec[] => [
      { name: 'x', summary: 'x', run: outcome },
    ];
    expect(
      (
        await run(
          ['x'],
          repo(),
          table(() => Promise.resolve({ ok: true })),
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await run(
          ['x'],
          repo(),
          table(() => Promise.resolve({ ok: false })),
        )
      ).code,
    ).toBe(1);
    const bug = await run(
      ['x'],
      repo(),
      table(() => Promise.reject(new TypeError('boom'))),
    );
    expect(bug.code).toBe(2);
    expect(bug.stderr).toContain('internal error: boom');
    expect(bug.stderr).toContain('bug in harness');
    expect(bug.stderr).not.toContain('TypeError: boom\n    at');
    const debug = await run(
      ['x', '--debug'],
      repo(),
      table(() => Promise.reject(new TypeError('boom'))),
    );
    expect(debug.stderr).toContain('    at ');
  });

  it('prints the contract’s JSON document for check --format json', async () => {
    const result = await run(['check', '--format', 'json'], repo('version: 1\n'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, ok: true, diagnostics: [] });
  });
});

describe('no config file', () => {
  it('a bare check exits 2 and says to run harness init: a gate that ran nothing is not green', async () => {
    const result = await run(['check'], repo());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error CONFIG_NOT_FOUND: no harness.config.yaml');
    expect(result.stderr).toContain('npx agent-harness init');
  });

  it('names a harness.config.yml, which harness does not read', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'harness.config.yml'), 'version: 1\ndocs: {}\n');
    const result = await run(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'harness.config.yml: error CONFIG_NOT_FOUND: harness reads harness.config.yaml, not harness.config.yml',
    );
  });
});

describe('exit-2 errors in the requested format', () => {
  const badConfig = 'version: 1\nlayers:\n  domians: ["src/*"]\n';

  it('--format json prints the contract’s error document on stdout and the plain message on stderr', async () => {
    const result = await run(['check', '--format', 'json'], repo(badConfig));
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: 1,
      ok: false,
      error: { code: 'CONFIG_INVALID', file: 'harness.config.yaml', line: 3, fix: expect.stringContaining('domains') },
      checks: [],
      diagnostics: [],
    });
    expect(result.stderr).toContain('harness.config.yaml:3:3: error CONFIG_INVALID');
  });

  it('--format github prints an ::error command with file and line', async () => {
    const result = await run(['check', '--format=github'], repo(badConfig));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^::error file=harness.config.yaml,line=3,col=3,title=harness CONFIG_INVALID::layers.domians: /,
    );
  });

  it('--format sarif prints a run whose invocation failed', async () => {
    const result = await run(['check', '--format', 'sarif'], repo(badConfig));
    const log = JSON.parse(result.stdout) as {
      runs: [
        {
          invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: [{ descriptor: { id: string } }] }];
        },
      ];
    };
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('CONFIG_INVALID');
  });

  it('a usage error and a bug are printed in the format too', async () => {
    const usage = await run(['check', '--format', 'json', '--bogus'], repo('version: 1\n'));
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    const table: CommandSpec[] = [{ name: 'x', summary: 'x', run: () => Promise.reject(new TypeError('boom')) }];
    const bug = await run(['x', '--format', 'json'], repo(), table);
    expect(JSON.parse(bug.stdout)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('exits 2 on a whole-number option that is not one, before the command does anything', async () => {
    for (const [argv, message] of [
      [['factory', 'status', '--serve', '--port', 'abc'], '--port takes a whole number from 0 to 65535, not "abc"'],
      [['factory', '--status-port', '70000'], '--status-port takes a whole number from 0 to 65535, not "70000"'],
      [['factory', '--concurrency', '1.5'], '--concurrency takes a whole number of at least 1, not "1.5"'],
      [['up', '--timeout', '0'], '--timeout takes a whole number of seconds of at least 1, not "0"'],
      [['budget', 'report', '--last', '1e3'], '--last takes a whole number, not "1e3"'],
    ] as const) {
      const result = await run([...argv], repo());
      expect(result.stderr).toContain(message);
      expect(result.code).toBe(2);
    }
  });
});

describe('docs/cli.md', () => {
  it('is generated from the command table (run `pnpm generate` when this fails)', async () => {
    const committed = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCliDocs(await loadCommands()));
  });
});
