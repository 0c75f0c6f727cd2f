import { describe, expect, it } from 'vitest';
import { initLexer, lexImports } from '../lex-imports.js';
import { describeSyntaxError } from './syntax-error.js';

describe('layers/syntax-error', () => {
  it('reports the line of the error and keeps the imports around it', async () => {
    await initLexer();
    const lexed = lexImports("import { a } from './a.js';\nconst x = {;\nimport { b } from './b.js';\n", 'src/x.ts');
    expect(lexed.imports.map((i) => `${i.line} ${i.specifier}`)).toEqual(['1 ./a.js', '3 ./b.js']);
    expect(lexed.error).toBe('Unexpected token (line 2)');
    expect(describeSyntaxError('src/x.ts', lexed.error ?? '')).toMatchObject({
      line: 2,
      message:
        'src/x.ts does not parse (Unexpected token (line 2)): only the imports that could be lexed around the error are checked.',
    });
  });

  it('lexes up to the error and goes on after its line when the lexer says where it stopped', async () => {
    await initLexer();
    const lexed = lexImports(
      "import { a } from './a.js';\nconst x = ) ;\nimport {\n  b,\n} from './b.js';\n",
      'src/x.ts',
    );
    expect(lexed.imports.map((i) => `${i.line} ${i.specifier}`)).toEqual(['1 ./a.js', '3 ./b.js']);
  });

  it('recovers the single-line imports of a long file with an error on every other line', async () => {
    await initLexer();
    const lines = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `import './m${i}.js';` : 'const x = ) ;'));
    const lexed = lexImports(`${lines.join('\n')}\n`, 'src/x.ts');
    expect(lexed.imports).toHaveLength(100);
    expect(lexed.imports.at(-1)).toMatchObject({ specifier: './m198.js', line: 199 });
  });
});
