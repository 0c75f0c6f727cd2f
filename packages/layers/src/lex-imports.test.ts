import { beforeAll, describe, expect, it } from 'vitest';
import { initLexer, lexImports } from './lex-imports.js';

beforeAll(() => initLexer());

const edges = (source: string, file = 'a.ts') =>
  lexImports(source, file).imports.map((i) => [i.kind, i.specifier, i.typeOnly, i.line]);

describe('lexImports', () => {
  it('finds every import form with its kind, type-only flag and line', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "export * from './e.js';",
      "const f = await import('./f.js');",
      "const g = require('./g.js');",
      "import h = require('./h');",
      "import type i = require('./i');",
      "import './j.css';",
    ].join('\n');
    expect(edges(source)).toEqual([
      ['import', './a.js', false, 1],
      ['import', './b.js', true, 2],
      ['export', './c.js', false, 3],
      ['export', './d.js', true, 4],
      ['export', './e.js', false, 5],
      ['dynamic-import', './f.js', false, 6],
      ['require', './g.js', false, 7],
      ['import-equals', './h', false, 8],
      ['import-equals', './i', true, 9],
      ['import', './j.css', false, 10],
    ]);
  });

  it('ignores require and import inside strings, comments and templates, and non-literal specifiers', () => {
    const source = [
      "const s = \"require('./no1')\"; // require('./no2')",
      '/* import x from "./no3"; */',
      'const t = `require("./no4")`;',
      'const m = import(name);',
      'const n = obj.require("./no5");',
      'const r = /require\\("x"\\)/;',
    ].join('\n');
    expect(edges(source)).toEqual([]);
  });

  it('tells require() calls from the word require in comments and strings, next to every other form', () => {
    const noise = "// require('./no1')\nconst s = 'require(\"./no2\")';\n";
    const calls =
      "const a = require('./a');\nimport b from './b';\nconst c = await import('./c');\nconst d = require(`./d`);\n";
    expect(edges(noise + calls)).toEqual([
      ['require', './a', false, 3],
      ['import', './b', false, 4],
      ['dynamic-import', './c', false, 5],
      ['require', './d', false, 6],
    ]);
    // With `import x = require()` beside require() calls and mentions.
    expect(edges(`${noise}import e = require('./e');\n${calls}`)).toEqual([
      ['import-equals', './e', false, 3],
      ['require', './a', false, 4],
      ['import', './b', false, 5],
      ['dynamic-import', './c', false, 6],
      ['require', './d', false, 7],
    ]);
  });

  it('marks typeof import() as type-only', () => {
    expect(edges("let x: typeof import('./m');")).toEqual([['dynamic-import', './m', true, 1]]);
  });

  it('reads JSX files through the parser fallback', () => {
    const source =
      "import { Button } from './button';\nimport type { P } from './p';\nconst x = require('./r');\nexport const App = () => <div><Button /></div>;\n";
    expect(edges(source, 'app.tsx')).toEqual([
      ['import', './button', false, 1],
      ['import', './p', true, 2],
      ['require', './r', false, 3],
    ]);
  });

  it('finds suppression comments', () => {
    const result = lexImports("// harness-ignore layers/forward-only: legacy, see #3\nimport x from './x';\n", 'a.ts');
    expect(result.suppressions).toEqual([{ line: 1, rule: 'layers/forward-only', reason: 'legacy, see #3' }]);
  });

  it('reports a file neither lexer can read', () => {
    expect(lexImports('import {', 'broken.ts').error).toBeDefined();
  });

  it('never throws on mangled sources and keeps every import before the damage (seeded fuzz)', () => {
    const head = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export * from './c.js';",
      "const d = require('./d');",
    ];
    const tail = [
      'export function f(x: number) {',
      '  return import(`./e.js`).then(() => x);',
      '}',
      'const s = \'import "./not.js"\';',
      '/* import "./nor.js" */',
    ];
    const noise = [
      '{',
      '}',
      '(',
      ')',
      "'",
      '"',
      '`',
      '/',
      '*',
      '<',
      '>',
      ';',
      '\n',
      '\uFEFF',
      'import',
      'export',
      '=>',
      '\\',
    ];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const rest = [...tail.join('\n')];
      for (let k = 1 + random(4); k > 0; k--)
        rest.splice(random(rest.length + 1), random(3) === 0 ? 1 : 0, noise[random(noise.length)] ?? '');
      const source = `${head.join('\n')}\n${rest.join('')}`;
      const lexed = lexImports(source, 'fuzz.ts');
      const lines = source.split('\n').length;
      expect(lexed.imports.every((i) => i.line >= 1 && i.line <= lines)).toBe(true);
      expect(lexed.imports.slice(0, 4).map((i) => i.specifier)).toEqual(['./a.js', '../b.js', './c.js', './d']);
    }
  });
});
