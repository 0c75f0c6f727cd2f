// No silent green: odd bytes before an import never hide it, and a tsconfig that cannot be read is
// a config error, not an empty graph that passes.
import { afterAll, describe, expect, it } from 'vitest';
import { createGround, expectCleanOutcome, removeGrounds, runBin } from './hostile-repo.js';

afterAll(removeGrounds);

const layersConfig =
  'version: 1\nlayers:\n  order: [core, app]\n  paths:\n    core: ["src/core/**"]\n    app: ["src/app/**"]\n';
const forbidden = "import { b } from '../app/b';\nexport const x = b;\n";

/** What may come before a file's first import; none of it may hide the import from the graph. */
const prefixes: Record<string, string> = {
  bom: '\uFEFF',
  crlf: '',
  shebang: '#!/usr/bin/env node\n',
  'bom and shebang': '\uFEFF#!/usr/bin/env node\n',
  'use strict': "'use strict';\n",
  comment: '/* import x from "nowhere" */\n',
};

describe('no silent green', () => {
  it('an upward import is found whatever comes before it (BOM, CRLF, shebang, directive, comment), in .ts and .js', async () => {
    const files: Record<string, string> = {
      'harness.config.yaml': layersConfig,
      'src/app/b.ts': 'export const b = 1;\n',
    };
    for (const [index, [name, prefix]] of Object.entries(prefixes).entries()) {
      for (const extension of ['ts', 'js']) {
        const text = `${prefix}${forbidden}`;
        files[`src/core/p${index}-${name.replace(/\W+/g, '-')}.${extension}`] =
          name === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
      }
    }
    const ground = createGround(files);
    const result = await runBin(ground, ['check', 'layers', '--format', 'json']);
    expectCleanOutcome(result, 'harness check layers --format json');
    const document = JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string }[] };
    const flagged = new Set(document.diagnostics.map((d) => d.file));
    const planted = Object.keys(files).filter((path) => path.startsWith('src/core/'));
    expect(
      planted.filter((path) => !flagged.has(path)),
      `imports hidden from the graph; stdout: ${result.stdout.slice(0, 1500)}`,
    ).toEqual([]);
  });

  it.each([
    ['invalid JSON', { 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." ' }],
    [
      'an extends cycle',
      {
        'tsconfig.json': '{ "extends": "./tsconfig.base.json" }\n',
        'tsconfig.base.json': '{ "extends": "./tsconfig.json" }\n',
      },
    ],
    ['a missing extends target', { 'tsconfig.json': '{ "extends": "./nowhere/tsconfig.json" }\n' }],
  ])('a tsconfig.json with %s is exit 2 naming it, not a pass', async (_name, extra) => {
    const ground = createGround({
      'harness.config.yaml': layersConfig,
      'src/app/b.ts': 'export const b = 1;\n',
      'src/core/a.ts': forbidden,
      ...extra,
    });
    const result = await runBin(ground, ['check', 'layers']);
    expectCleanOutcome(result, `harness check layers with ${_name}`);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(/tsconfig(\.base)?\.json/);
  });
});
