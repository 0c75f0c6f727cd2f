import { describe, expect, it } from 'vitest';
import { compareTsconfig } from './compare-tsconfig.js';
import { memoryInput } from './memory-input.fixture.js';

const base = `{
  // the app
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "baseUrl": ".",
    "paths": {
      "@app/*": ["src/*"],
      "@ui": ["../ui/src/index.ts"],
    },
    "rootDirs": ["src"],
  },
}
`;
const file = 'packages/app/tsconfig.json';

async function compare(head: string | undefined, path = file): Promise<string[]> {
  const input = memoryInput({ [file]: base }, head === undefined ? {} : { [file]: base, [path]: head });
  return (await compareTsconfig(input)).map((l) => `${l.file}:${l.line} ${l.what}`);
}

describe('compareTsconfig', () => {
  it('reports a paths entry added or pointed elsewhere, at its line', async () => {
    const head = base
      .replace('"@ui": ["../ui/src/index.ts"]', '"@ui": ["../ui/src/internal.ts"]')
      .replace('"@app/*": ["src/*"],', '"@app/*": ["src/*"],\n      "@data/*": ["../data/src/*"],');
    expect(await compare(head)).toEqual([
      `${file}:8 compilerOptions.paths "@data/*": added → ["../data/src/*"]: reroutes imports`,
      `${file}:9 compilerOptions.paths "@ui": ["../ui/src/index.ts"] → ["../ui/src/internal.ts"]: reroutes imports`,
    ]);
  });

  it('reports baseUrl, extends and rootDirs changes', async () => {
    const head = base
      .replace('"baseUrl": "."', '"baseUrl": "src"')
      .replace('../../tsconfig.base.json', '../../tsconfig.loose.json')
      .replace('"rootDirs": ["src"]', '"rootDirs": ["src", "generated"]');
    expect(await compare(head)).toEqual([
      `${file}:3 extends: "../../tsconfig.base.json" → "../../tsconfig.loose.json": reroutes imports`,
      `${file}:5 compilerOptions.baseUrl: "." → "src": reroutes imports`,
      `${file}:10 compilerOptions.rootDirs: "generated" added: reroutes imports`,
    ]);
  });

  it('reports the mappings of a new tsconfig file', async () => {
    const added = '{ "compilerOptions": { "paths": { "x": ["y"] } } }\n';
    expect(await compare(added, 'packages/app/tsconfig.test.json')).toEqual([
      'packages/app/tsconfig.test.json:1 compilerOptions.paths "x": added → ["y"]: reroutes imports',
    ]);
  });

  it('gives nothing for the tsconfig of a new package, whose imports are all new', async () => {
    const added = '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }\n';
    expect(await compare(added, 'packages/new/tsconfig.json')).toEqual([]);
  });

  it('gives nothing for mappings removed, other options, formatting, or a deleted file', async () => {
    const head = `{"extends": "../../tsconfig.base.json", "compilerOptions": {"baseUrl": ".", "strict": true,
      "paths": {"@app/*": ["src/*"]}, "rootDirs": ["src"]}}`;
    expect(await compare(head)).toEqual([]);
    expect(await compare(undefined)).toEqual([]);
  });
});
