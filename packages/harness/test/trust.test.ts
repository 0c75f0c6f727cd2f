// End to end, the built bin in a clean environment: a closed stdout, the config's place and the
// repository root, no config at all, errors in the requested format, and a too-old Node.js.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/harness.js', import.meta.url));
const cleanEnv = { PATH: process.env.PATH ?? '' };
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function harness(args: string[], cwd: string, node = process.execPath): Promise<Result> {
  return new Promise((resolve) => {
    execFile(node, [bin, ...args], { cwd, env: cleanEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** Runs the bin into a reader that takes the first chunk of stdout and closes the pipe, as `| head -1` does. */
function harnessIntoClosingReader(args: string[], cwd: string): Promise<Result & { first: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString();
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout: '', stderr, first }));
  });
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: cleanEnv,
    stdio: 'ignore',
  });
}

/** A git repository with the given files, committed. */
function repo(files: Record<string, string>, parent?: string): string {
  const dir = parent ?? mkdtempSync(join(tmpdir(), 'harness-trust-'));
  if (parent === undefined) made.push(dir);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

const manyMissingPaths = [
  '# Map',
  '',
  ...Array.from({ length: 400 }, (_, i) => `- \`src/missing/some/deeper/folder/file${i}.ts\``),
  '',
].join('\n');

describe('a closed stdout ends the command quietly', () => {
  const docsRepo = () =>
    repo({
      'AGENTS.md': manyMissingPaths,
      'src/a.ts': 'export {};\n',
      'harness.config.yaml': 'version: 1\ndocs: {}\n',
    });

  it.each(['pretty', 'json', 'github', 'sarif', 'markdown'])(
    'check docs --format %s | head -1: no stack, the findings’ exit code',
    async (format) => {
      const result = await harnessIntoClosingReader(['check', 'docs', '--format', format], docsRepo());
      expect(result.first.length).toBeGreaterThan(0);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
    },
  );

  it('check layers | head -1 as well', async () => {
    const files: Record<string, string> = {
      'harness.config.yaml':
        'version: 1\nlayers:\n  order: [low, high]\n  paths:\n    low: ["src/low/**"]\n    high: ["src/high/**"]\n',
      'src/high/target.ts': 'export const target = 1;\n',
    };
    for (let i = 0; i < 400; i++)
      files[`src/low/a-rather-long-module-name-to-fill-the-pipe-${i}.ts`] =
        "import { target } from '../high/target.js';\nexport const x = target;\n";
    const result = await harnessIntoClosingReader(['check', 'layers'], repo(files));
    expect(result.first.length).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });
});

describe('the config file and the repository root', () => {
  it('--config names the file; the root stays the git work tree', async () => {
    const dir = repo({
      'AGENTS.md': '# Map\n\nSee [the guide](docs/guide.md).\n',
      'docs/guide.md': '# Guide\n',
      'sub/harness.yaml': 'version: 1\ndocs: {}\n',
    });
    const result = await harness(['check', 'docs', '--config', 'sub/harness.yaml', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      checks: { name: string; files?: number }[];
      diagnostics: unknown[];
    };
    expect(document.checks.find((c) => c.name === 'docs')?.files).toBeGreaterThanOrEqual(2);
    expect(document.diagnostics).toEqual([]);
  });

  it('a parent folder’s config is not used: the search stops at the work tree', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'harness-trust-outer-'));
    made.push(outer);
    writeFileSync(join(outer, 'harness.config.yaml'), 'version: 1\ndocs: {}\n');
    const dir = repo({ 'AGENTS.md': '# Map\n' }, join(outer, 'project'));
    const result = await harness(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error CONFIG_NOT_FOUND: no harness.config.yaml in ${dir}`);
  });

  it('no config file: a bare check exits 2 and says to run init; a named check runs with its defaults', async () => {
    const dir = repo({ 'AGENTS.md': '# Map\n' });
    const bare = await harness(['check'], dir);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('npx agent-harness init');
    const named = await harness(['check', 'docs', '--format', 'json'], dir);
    expect(named.stderr).toBe('');
    expect(JSON.parse(named.stdout)).toMatchObject({ ok: true, checks: [{ name: 'docs', ok: true }] });
  });

  it('only a harness.config.yml: exit 2 naming it', async () => {
    const result = await harness(
      ['check'],
      repo({ 'AGENTS.md': '# Map\n', 'harness.config.yml': 'version: 1\ndocs: {}\n' }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'harness.config.yml: error CONFIG_NOT_FOUND: harness reads harness.config.yaml, not harness.config.yml',
    );
  });
});

describe('exit-2 errors in the requested format', () => {
  it('a YAML alias bomb is CONFIG_INVALID with its place, as an ::error command on stdout', async () => {
    const lines = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      lines.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    const result = await harness(
      ['check', '--format', 'github'],
      repo({ 'harness.config.yaml': `${lines.join('\n')}\n` }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^::error file=harness.config.yaml,line=\d+,col=\d+,title=harness CONFIG_INVALID::\(yaml\): too many alias expansions/,
    );
    expect(result.stderr).toMatch(
      /^harness.config.yaml:\d+:\d+: error CONFIG_INVALID: \(yaml\): too many alias expansions/,
    );
    expect(result.stderr).not.toContain('internal error');
  });

  it('--format json: one document with ok false and the error', async () => {
    const result = await harness(
      ['check', '--format', 'json'],
      repo({ 'harness.config.yaml': 'version: 1\nlayers:\n  domians: ["src/*"]\n' }),
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: 1,
      ok: false,
      error: { code: 'CONFIG_INVALID', file: 'harness.config.yaml', line: 3 },
      checks: [],
      diagnostics: [],
    });
  });
});

// The machine's own Node.js, older than engines, where there is one (Debian's node 20 here).
const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
  (path) =>
    existsSync(path) && Number(execFileSync(path, ['-p', 'process.versions.node.split(".")[0]']).toString()) < 22,
);

describe.skipIf(oldNode === undefined)('an older Node.js', () => {
  it('is refused at once: exit 2 naming the version needed', async () => {
    const result = await harness(['check'], tmpdir(), oldNode);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error TOOL_MISSING: harness needs Node\.js 22\.12\.0 or newer; this is Node\.js \d+\.\d+\.\d+\n {2}fix: /,
    );
  });
});
