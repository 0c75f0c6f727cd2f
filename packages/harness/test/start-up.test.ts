// What the built bin loads on its way to a command (docs/decisions.md, "A lazy command table"): a command
// imports its own code and no other command's, `--version` none. A loader hook records every module
// the process loads; the assertions are about that list, never about time.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/harness.js', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// Records the URL of every module loaded, written when the process exits.
const hook = `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('exit', () => writeFileSync(process.env.LOADED_FILE, loaded.join('\\n')));
`;

interface Run {
  code: number;
  stdout: string;
  /** Every module URL the process loaded. */
  loaded: string[];
}

function harness(args: string[], cwd: string): Promise<Run> {
  const scratch = tempDir('harness-start-up-');
  const hookFile = join(scratch, 'hook.mjs');
  const loadedFile = join(scratch, 'loaded.txt');
  writeFileSync(hookFile, hook);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(hookFile).href, bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', LOADED_FILE: loadedFile } },
      (error, stdout) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, loaded: readFileSync(loadedFile, 'utf8').split('\n') });
      },
    );
  });
}

/** The command modules among the loaded ones: `check` for dist/commands/check.js. */
const commandModules = (run: Run): string[] =>
  run.loaded.flatMap((url) => /\/packages\/harness\/dist\/commands\/([\w-]+)\.js$/.exec(url)?.[1] ?? []);

function layeredRepo(): string {
  const dir = tempDir('harness-start-up-repo-');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'src/orders/ui'), { recursive: true });
  writeFileSync(join(dir, 'src/orders/ui/page.ts'), 'export const page = 1;\n');
  writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\nlayers:\n  domains: ["src/*"]\n');
  return dir;
}

/** Which of the YAML parser and the schema library the run loaded. */
const validators = (run: Run): string[] =>
  [...new Set(run.loaded.flatMap((url) => /\/node_modules\/(yaml|zod)\//.exec(url)?.[1] ?? []))].sort();

describe('start-up of the built bin', () => {
  it('check layers with an unchanged config loads neither the YAML parser nor the schema', async () => {
    const dir = layeredRepo();
    const first = await harness(['check', 'layers', '--format', 'json'], dir);
    expect(first.code).toBe(0);
    expect(validators(first)).toEqual(['yaml', 'zod']);
    const second = await harness(['check', 'layers', '--format', 'json'], dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true });
    expect(validators(second)).toEqual([]);
    writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\nlayers:\n  domians: ["src/*"]\n');
    const changed = await harness(['check', 'layers', '--format', 'json'], dir);
    expect(changed.code).toBe(2);
    expect(validators(changed)).toEqual(['yaml', 'zod']);
  });

  it('check layers loads the check command and no other command', async () => {
    const run = await harness(['check', 'layers', '--format', 'json'], layeredRepo());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    expect(commandModules(run)).toEqual(['check']);
  });

  it('--version loads no command; --help loads them all and lists every one', async () => {
    const version = await harness(['--version'], tmpdir());
    expect(version.code).toBe(0);
    expect(commandModules(version)).toEqual([]);
    const help = await harness(['--help'], tmpdir());
    expect(help.code).toBe(0);
    expect(commandModules(help)).toContain('factory-merge');
    for (const name of ['init', 'check', 'budget report', 'layers graph', 'rulesets plan', 'up', 'factory merge'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name}  `, 'm'));
  });
});
