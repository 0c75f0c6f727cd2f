import { describe, expect, it } from 'vitest';
import { compareSuppressions } from './compare-suppressions.js';
import { memoryInput } from './memory-input.fixture.js';

const config = 'version: 1\nlayers:\n  order: [a, b]\n  suppressions:\n    eslint: [import/no-restricted-paths]\n';
const code = "import { a } from './a.js';\nexport const b = a;\n";
const plain = 'version: 1\nlayers:\n  order: [a, b]\n  ignore: ["**/*.test.ts", "legacy/"]\n';

/** A change under a base whose layers check honours no ESLint comment. */
function change(base: Record<string, string>, head: Record<string, string>) {
  return memoryInput({ 'harness.config.yaml': plain, ...base }, { 'harness.config.yaml': plain, ...head });
}

describe('compareSuppressions', () => {
  it('reports a new harness-ignore at its line', async () => {
    const head = `// harness-ignore layers/forward-only: legacy\n${code}`;
    const found = await compareSuppressions(change({ 'src/b.ts': code }, { 'src/b.ts': head }));
    expect(found).toEqual([
      { surface: 'suppression', file: 'src/b.ts', line: 1, what: 'new harness-ignore layers/forward-only "legacy"' },
    ]);
  });

  it('reports a harness-ignore in a new file, and one without a reason', async () => {
    const head = `${code}// harness-ignore layers/contract\nimport './c.js';\n`;
    const found = await compareSuppressions(change({}, { 'src/new.ts': head }));
    expect(found).toEqual([
      {
        surface: 'suppression',
        file: 'src/new.ts',
        line: 3,
        what: 'new harness-ignore layers/contract without a reason',
      },
    ]);
  });

  it('does not take a moved or kept comment for a new one, but sees a second copy', async () => {
    const ignore = '// harness-ignore layers/forward-only: legacy\n';
    const base = `${ignore}${code}`;
    const moved = `${code}\n${ignore}import './x.js';\n`;
    expect(await compareSuppressions(change({ 'src/b.ts': base }, { 'src/b.ts': moved }))).toEqual([]);
    const twice = `${ignore}${code}${ignore}import './x.js';\n`;
    const found = await compareSuppressions(change({ 'src/b.ts': base }, { 'src/b.ts': twice }));
    expect(found.map((l) => l.line)).toEqual([4]);
  });

  it('reports eslint-disable comments of a rule the base config honours, or of every rule', async () => {
    const head = [
      '// eslint-disable-next-line import/no-restricted-paths -- legacy',
      "import { a } from './a.js';",
      '/* eslint-disable */',
      '// eslint-disable-next-line no-console',
      'console.log(a);',
      '/* eslint-enable */',
      '',
    ].join('\n');
    const input = memoryInput(
      { 'harness.config.yaml': config, 'src/b.ts': code },
      { 'harness.config.yaml': config, 'src/b.ts': head },
    );
    expect(await compareSuppressions(input)).toEqual([
      {
        surface: 'suppression',
        file: 'src/b.ts',
        line: 1,
        what: 'new eslint-disable-next-line of import/no-restricted-paths, which layers.suppressions.eslint honours as harness-ignore',
      },
      {
        surface: 'suppression',
        file: 'src/b.ts',
        line: 3,
        what: 'new eslint-disable of every rule, which layers.suppressions.eslint honours as harness-ignore',
      },
    ]);
  });

  it('judges eslint comments by the base config: a change that starts honouring a rule is not trusted', async () => {
    const head = `// eslint-disable-next-line import/no-restricted-paths\n${code}`;
    const base = { 'harness.config.yaml': 'version: 1\nlayers:\n  order: [a, b]\n', 'src/b.ts': code };
    const input = memoryInput(base, { 'harness.config.yaml': config, 'src/b.ts': head });
    expect(await compareSuppressions(input)).toEqual([]);
  });

  it('gives nothing for a removed comment, an unrelated change, or text outside source files', async () => {
    const base = `// harness-ignore layers/forward-only: legacy\n${code}`;
    const input = change(
      { 'src/b.ts': base, 'docs/x.md': 'x\n' },
      {
        'src/b.ts': code,
        'src/c.ts': 'export const c = 1;\n',
        'docs/x.md': '```ts\n// harness-ignore layers/forward-only: example\n```\n',
      },
    );
    expect(await compareSuppressions(input)).toEqual([]);
  });

  it('gives nothing in files the layers check does not read, or without a layers check on the base', async () => {
    const head = `// harness-ignore layers/forward-only: legacy\n${code}`;
    const skipped = ['src/b.test.ts', 'legacy/b.ts', 'test/fixtures/b.ts', 'src/b.d.ts', '.config/b.ts', 'dist/b.js'];
    const files = Object.fromEntries(skipped.map((file) => [file, head]));
    expect(await compareSuppressions(change({}, files))).toEqual([]);
    const noLayers = memoryInput(
      { 'harness.config.yaml': 'version: 1\n' },
      { 'harness.config.yaml': 'version: 1\n', 'src/b.ts': head },
    );
    expect(await compareSuppressions(noLayers)).toEqual([]);
  });
});
