import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from '@harness/diagnostics';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig, validateConfig } from './load-config.js';

function problemsOf(text: string) {
  const result = validateConfig(text, 'harness.config.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateConfig', () => {
  it('accepts the SPEC example and fills section defaults', () => {
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
    const problem = problemsOf('version: 1\nbudgets:\n  - name: build\n    comand: x\n    seconds: 1\n').find((p) => p.key === 'budgets.0.comand');
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
