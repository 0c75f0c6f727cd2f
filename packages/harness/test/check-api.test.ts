// The library entry runs the real checks on a real (temporary) git repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';

const layersConfig = [
  'version: 1',
  'layers:',
  '  order: [domain, ui]',
  '  paths: { domain: ["src/domain/**"], ui: ["src/ui/**"] }',
  '',
].join('\n');
let repo = '';
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function makeRepo(files: Record<string, string>): string {
  repo = mkdtempSync(join(tmpdir(), 'harness-api-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  return repo;
}

const upwardImport = {
  'src/domain/order.ts': "import { button } from '../ui/button.js';\nexport const order = button;\n",
  'src/ui/button.ts': 'export const button = 1;\n',
};

describe('check()', () => {
  it('returns the result document with the finding the CLI would print', async () => {
    const cwd = makeRepo({ ...upwardImport, 'harness.config.yaml': layersConfig });
    const notes: string[] = [];
    const document = await check({ cwd, checks: ['layers'], onNote: (n) => notes.push(n) });
    expect(document.ok).toBe(false);
    expect(document.checks.map((c) => c.name)).toEqual(['layers']);
    expect(document.diagnostics.map((d) => [d.rule, d.file])).toEqual([['layers/forward-only', 'src/domain/order.ts']]);
  });

  it('takes a typed config object instead of a file', async () => {
    const cwd = makeRepo(upwardImport);
    const document = await check({
      cwd,
      config: {
        version: 1,
        layers: { order: ['ui', 'domain'], paths: { ui: ['src/ui/**'], domain: ['src/domain/**'] } },
      },
    });
    expect(document.ok).toBe(true);
    expect(document.checks.find((c) => c.name === 'layers')?.ok).toBe(true);
  });

  it('validates a config object like a file: a typo is CONFIG_INVALID with a suggestion', async () => {
    const cwd = makeRepo(upwardImport);
    const config = { version: 1, layers: { ordr: ['ui'] } } as never;
    await expect(check({ cwd, config })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('without a config and without named checks, refuses to run nothing (CONFIG_NOT_FOUND)', async () => {
    const cwd = makeRepo(upwardImport);
    await expect(check({ cwd })).rejects.toMatchObject({ code: 'CONFIG_NOT_FOUND' });
  });

  it('an unknown check name is CHECK_UNKNOWN', async () => {
    const cwd = makeRepo({ ...upwardImport, 'harness.config.yaml': layersConfig });
    await expect(check({ cwd, checks: ['layer'] })).rejects.toMatchObject({ code: 'CHECK_UNKNOWN' });
  });
});
