import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from 'agent-harness-diagnostics';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { findConfigFile, loadConfig } from './load-config.js';
import { validateConfig } from './validate-config.js';

function problemsOf(text: string) {
  const result = validateConfig(text, 'harness.config.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateConfig', () => {
  it('accepts a full example and fills section defaults', () => {
    const result = validateConfig(
      'version: 1\nlayers:\n  domains: ["src/domains/*"]\ndocs:\n  maxLines: 120\nbudgets:\n  - name: build\n    command: pnpm build\n    seconds: 60\n',
      'harness.config.yaml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.layers?.order).toEqual(['types', 'config', 'repo', 'service', 'runtime', 'ui']);
    expect(result.config.layers?.baseline).toBe('.harness/baseline/layers.json');
    expect(result.config.docs?.maxLines).toBe(120);
    expect(result.config.docs?.maxBytes).toBe(32768);
    expect(result.config.compose).toBeUndefined();
  });

  it('names the line, column, key and suggestion of a misspelt key', () => {
    expect(problemsOf('version: 1\nlayers:\n  domians: ["src/*"]\n')).toEqual([
      {
        file: 'harness.config.yaml',
        line: 3,
        column: 3,
        key: 'layers.domians',
        message: 'unknown key "domians": did you mean "domains"?',
        suggestion: 'domains',
      },
    ]);
  });

  it('suggests nothing for a key unlike any known one', () => {
    const [problem] = problemsOf('version: 1\nzebra: true\n');
    expect(problem?.key).toBe('zebra');
    expect(problem?.suggestion).toBeUndefined();
  });

  it('suggests inside array items', () => {
    const problem = problemsOf('version: 1\nbudgets:\n  - name: build\n    comand: x\n    seconds: 1\n').find(
      (p) => p.key === 'budgets.0.comand',
    );
    expect(problem).toMatchObject({ line: 4, key: 'budgets.0.comand', suggestion: 'command' });
  });

  it('points at a wrong value', () => {
    const [problem] = problemsOf('version: 1\nlayers:\n  crossDomain: sometimes\n');
    expect(problem).toMatchObject({ line: 3, column: 16, key: 'layers.crossDomain' });
  });

  it('requires version 1', () => {
    const [problem] = problemsOf('docs: {}\n');
    expect(problem?.key).toBe('version');
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = problemsOf('version: 1\nlayers: [\n');
    expect(problem?.key).toBe('(yaml)');
    expect(problem?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys', () => {
    expect(problemsOf('version: 1\nversion: 1\n')[0]?.line).toBe(2);
  });
});

describe('loadConfig', () => {
  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'harness-config-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    return dir;
  }

  it('walks up from the working directory', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\ndocs: {}\n');
    expect(findConfigFile(join(dir, 'src', 'deep'))).toBe(join(dir, 'harness.config.yaml'));
    const loaded = await loadConfig({ cwd: join(dir, 'src', 'deep') });
    expect(loaded.root).toBe(dir);
    expect(loaded.config.docs?.map).toBe('AGENTS.md');
  });

  it('without a file, roots at the git root with no sections', async () => {
    const dir = repo();
    const loaded = await loadConfig({ cwd: join(dir, 'src') });
    expect(loaded).toEqual({ root: dir, path: undefined, config: { version: 1 } });
  });

  it('throws CONFIG_INVALID naming the file, line and key', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'harness.config.yaml'), 'version: 1\nlayers:\n  domians: []\n');
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    const harnessError = error as HarnessError;
    expect(harnessError.code).toBe('CONFIG_INVALID');
    expect(harnessError.place).toEqual({ file: 'harness.config.yaml', line: 3, column: 3, key: 'layers.domians' });
    expect(harnessError.message).toContain('did you mean "domains"?');
  });

  it('throws CONFIG_NOT_FOUND for an explicit path that does not exist', async () => {
    const dir = repo();
    await expect(loadConfig({ cwd: dir, configPath: 'nope.yaml' })).rejects.toMatchObject({ code: 'CONFIG_NOT_FOUND' });
  });
});

describe('where the config is searched and where the root is', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tree(): string {
    const dir = mkdtempSync(join(tmpdir(), 'harness-config-root-'));
    made.push(dir);
    return dir;
  }

  it('stops the search at the git work tree root: a parent folder’s config is not used', async () => {
    const outer = tree();
    writeFileSync(join(outer, 'harness.config.yaml'), 'version: 1\ndocs: {}\n');
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'src'));
    expect(findConfigFile(join(repo, 'src'))).toBeUndefined();
    expect(await loadConfig({ cwd: join(repo, 'src') })).toEqual({
      root: repo,
      path: undefined,
      config: { version: 1 },
    });
  });

  it('stops at a linked worktree’s .git file too', () => {
    const outer = tree();
    writeFileSync(join(outer, 'harness.config.yaml'), 'version: 1\n');
    const worktree = join(outer, 'wt');
    mkdirSync(worktree);
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere/.git/worktrees/wt\n');
    expect(findConfigFile(worktree)).toBeUndefined();
  });

  it('outside a git work tree, looks in the working directory only', async () => {
    const outer = tree();
    writeFileSync(join(outer, 'harness.config.yaml'), 'version: 1\n');
    mkdirSync(join(outer, 'inner'));
    expect(findConfigFile(join(outer, 'inner'))).toBeUndefined();
    expect((await loadConfig({ cwd: join(outer, 'inner') })).root).toBe(join(outer, 'inner'));
  });

  it('--config names the file; the root stays the git work tree of the working directory', async () => {
    const repo = tree();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'sub'));
    writeFileSync(join(repo, 'sub', 'harness.yaml'), 'version: 1\ndocs: {}\n');
    const loaded = await loadConfig({ cwd: repo, configPath: 'sub/harness.yaml' });
    expect(loaded.root).toBe(repo);
    expect(loaded.path).toBe(join(repo, 'sub', 'harness.yaml'));
    expect(loaded.config.docs?.map).toBe('AGENTS.md');
  });

  it('a harness.config.yml where harness.config.yaml is expected is CONFIG_NOT_FOUND naming it', async () => {
    const repo = tree();
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, 'harness.config.yml'), 'version: 1\ndocs: {}\n');
    const error = await loadConfig({ cwd: repo }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_NOT_FOUND', place: { file: 'harness.config.yml' } });
    expect((error as HarnessError).fix).toContain('harness.config.yaml');
  });
});

describe('validateConfig never throws', () => {
  it('reports a YAML alias bomb as a problem with its place', () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const [problem] = problemsOf(`${bomb.join('\n')}\n`);
    expect(problem).toMatchObject({ file: 'harness.config.yaml', key: '(yaml)' });
    expect(problem?.line).toBeGreaterThanOrEqual(2);
    expect(problem?.message).toMatch(/alias/i);
  });

  it('answers ok or problems for every text of a deterministic fuzz', () => {
    const pieces = [
      'version',
      'layers',
      'docs',
      'budgets',
      'rules',
      'domains',
      'order',
      'paths',
      'contracts',
      'name',
      'seconds',
      ':',
      ': ',
      '- ',
      '-',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '&a ',
      '*a',
      '&b ',
      '*b',
      '<<: ',
      '!!str ',
      '!!map ',
      '!!binary ',
      '!custom ',
      '? ',
      '|',
      '>',
      '#',
      '%YAML 1.2\n',
      '---\n',
      '...\n',
      '\n',
      '\n  ',
      '\n    ',
      '\t',
      ' ',
      '1',
      '0x1F',
      '1e999',
      '-.inf',
      '.nan',
      'null',
      '~',
      'true',
      '__proto__',
      'constructor',
      'toString',
      '\u0000',
      '\uFEFF',
      'é',
      '\r\n',
      '@',
      '`',
      'docs/layers.md',
      '"\\x"',
      '"\\u00"',
      'layers/forward-only',
      'off',
    ];
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      let text = run % 2 === 0 ? 'version: 1\n' : '';
      const length = 1 + next(40);
      for (let i = 0; i < length; i++) text += pieces[next(pieces.length)] ?? '';
      let result: ReturnType<typeof validateConfig> | undefined;
      expect(() => (result = validateConfig(text, 'harness.config.yaml')), JSON.stringify(text)).not.toThrow();
      expect(result?.ok === true || (result?.ok === false && result.problems.length > 0), JSON.stringify(text)).toBe(
        true,
      );
    }
  });
});
