// Hostile inputs for harness, from a seeded PRNG: the same seed gives the same cases, so a failure
// found by the CI suite or by the soak (bench/hostile/run.ts) is replayed by its seed and index.
// Only node builtins here: the soak imports this file under Node's type stripping.

export type Random = () => number;

/** mulberry32: a tiny, well-mixed 32-bit generator (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const times = (random: Random, min: number, max: number, make: () => string): string[] =>
  Array.from({ length: int(random, min, max) }, make);

/** Paths a user's data may name: outside the repository, absolute, odd bytes, Windows forms, URLs. */
const hostilePaths = [
  '../../x',
  '../../../../../../etc/passwd',
  '/abs/file.ts',
  '/',
  '/src/../../outside.ts',
  'src/../../../outside.md',
  'src/missing/deep/file.ts',
  'docs/a.md',
  'AGENTS.md',
  './',
  '.',
  '..',
  '~/.ssh/id_rsa',
  'C:\\Windows\\system.ini',
  'file:///etc/passwd',
  'http://example.com/x',
  'a b/c d.md',
  'x:y.md',
  'we"ird`name.md',
  'dir/',
  '%2e%2e/%2e%2e/x',
  'src/\u0000nul.ts',
  'ünïcødé/文件.md',
  '#anchor',
  'docs/a.md#heading',
  '',
] as const;

const word = (random: Random) =>
  pick(random, ['alpha', 'beta', 'src', 'docs', 'layers', 'ø', '日本', 'a-b_c', 'x'.repeat(int(random, 1, 300))]);
const yamlScalar = (random: Random): string =>
  pick(random, [
    '1',
    '-1',
    '0',
    '1e400',
    '-1e400',
    '99999999999999999999999999999',
    '.nan',
    '.inf',
    '0x1F',
    '0o17',
    'true',
    'null',
    '~',
    '""',
    "''",
    `"${pick(random, hostilePaths).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\0/g, '\\0')}"`,
    word(random),
    '!!binary aGVsbG8=',
    '!!js/function "f(){}"',
    '*undefined_alias',
    '&anchor value',
    '[',
    '{',
    '"unterminated',
    '|',
    '>-',
  ]);

function yamlValue(random: Random, depth: number): string {
  const roll = random();
  if (depth > 3 || roll < 0.45) return yamlScalar(random);
  if (roll < 0.7) return `[${times(random, 0, 4, () => yamlValue(random, depth + 1)).join(', ')}]`;
  return `{${times(random, 0, 4, () => `${word(random)}: ${yamlValue(random, depth + 1)}`).join(', ')}}`;
}

/** The billion laughs: up to nine levels of aliases, each nine times the one before. */
export function aliasBomb(random: Random): string {
  const levels = int(random, 3, 9);
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i < levels; i += 1)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nlayers:\n  ignore: *a${levels - 1}\n`;
}

const sections: readonly ((random: Random) => string)[] = [
  (r) =>
    `layers:\n  order: [${times(r, 0, 3, () => word(r)).join(', ')}]\n  paths:\n    ${word(r)}: ["${pick(r, ['src/**', '../**', '/**', '**/*', 'src/*', '{a,b}/**', '[', '!src'])}"]\n`,
  (r) => `layers:\n  ignore: ["${pick(r, ['src/*', '**', '../*', '/'])}"]\n  domains: ${yamlValue(r, 1)}\n`,
  (r) =>
    `docs:\n  map: ${pick(r, ['AGENTS.md', '../AGENTS.md', '/etc/passwd', '""', 'docs', '1'])}\n  root: ${pick(r, ['docs', '..', '/', '.', 'none'])}\n  maxLines: ${yamlScalar(r)}\n`,
  (r) =>
    `budgets:\n  - name: ${word(r)}\n    command: ${pick(r, ['"true"', '1', '[]', '""'])}\n    seconds: ${yamlScalar(r)}\n    runs: ${yamlScalar(r)}\n`,
  (r) => `rulesets:\n  dir: ${pick(r, ['.github/rulesets', '../../out', '/tmp', '""'])}\n`,
  (r) => `factory:\n  base: ${pick(r, ['main', '--upload-pack=x', '""'])}\n  concurrency: ${yamlScalar(r)}\n`,
  (r) => `compose:\n  shared: ${yamlValue(r, 1)}\n`,
  (r) => `${word(r)}: ${yamlValue(r, 0)}\n`,
  (r) => `${'  '.repeat(int(r, 0, 3))}${word(r)}:\n\t${word(r)}: 1\n`,
  (r) => `nested: ${'['.repeat(int(r, 10, 400))}1${']'.repeat(int(r, 0, 400))}\n`,
  (r) => `deep:\n${Array.from({ length: int(r, 5, 120) }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
  aliasBomb,
  (r) => `version: 1\nversion: ${yamlScalar(r)}\n`,
  () => '---\nversion: 1\n---\nversion: 2\n',
];

/** A harness.config.yaml: mostly well-formed enough to reach validation, then wrong in many ways. */
export function generateConfig(random: Random): string {
  const head = pick(random, ['version: 1\n', 'version: 1\n', `version: ${yamlScalar(random)}\n`, '']);
  let text = head + times(random, 0, 4, () => pick(random, sections)(random)).join('');
  if (random() < 0.1) text = `\uFEFF${text}`;
  if (random() < 0.1) text = text.replace(/\n/g, '\r\n');
  if (random() < 0.05) text = text.slice(0, int(random, 0, text.length));
  if (random() < 0.05) text += '\0';
  return text;
}

const inline = (random: Random): string =>
  pick(random, [
    () => `[${word(random)}](${pick(random, hostilePaths)})`,
    () => `[${word(random)}](<${pick(random, hostilePaths)}>)`,
    () => `\`${pick(random, hostilePaths)}\``,
    () => `<a href="${pick(random, hostilePaths)}">x</a>`,
    () => `![img](${pick(random, hostilePaths)} "t")`,
    () => `[ref][${word(random)}]`,
    () => `<${pick(random, ['http://x.y', 'mailto:a@b', 'div', '!--', '/span'])}>`,
    () => word(random),
    () => '\\`',
    () => '*'.repeat(int(random, 1, 40)),
    () => '['.repeat(int(random, 1, 40)),
  ])();

const block = (random: Random): string =>
  pick(random, [
    () => `${'#'.repeat(int(random, 1, 7))} ${inline(random)}`,
    () => `${'  '.repeat(int(random, 0, 36))}${pick(random, ['- ', '* ', '1. ', '10) '])}${inline(random)}`,
    () => `${'> '.repeat(int(random, 1, 36))}${inline(random)}`,
    () => `[${word(random)}]: ${pick(random, hostilePaths)}`,
    () =>
      pick(random, [
        '```',
        '~~~',
        '```ts',
        '    code `../../x`',
        '<!--',
        '-->',
        '<div>',
        '</div>',
        '<pre>',
        '---',
        '| a | b |',
        '|---|---|',
        '[^1]: note',
      ]),
    () => times(random, 1, 6, () => inline(random)).join(' '),
    () => '',
  ])();

/** A markdown file: links, code spans naming hostile paths, deep lists and quotes, HTML, odd bytes. */
export function generateMarkdown(random: Random): string {
  let text = times(random, 1, 60, () => block(random)).join('\n');
  if (random() < 0.1) text = `\uFEFF${text}`;
  if (random() < 0.15) text = text.replace(/\n/g, '\r\n');
  if (random() < 0.1) text = text.replace(/ /g, () => (random() < 0.05 ? '\0' : ' '));
  if (random() < 0.1) text += `\n---\ntitle: [${'{'.repeat(int(random, 1, 50))}\n---\n`;
  return `${text}\n`;
}

const specifiers = [
  './b',
  '../b',
  '../../../../../../etc/passwd',
  '/abs/x',
  'src/b',
  '@scope/pkg',
  '@nowhere/x',
  'node:fs',
  'fs',
  '',
  '.',
  '..',
  './dir/',
  './b.js?x=1',
  'data:text/javascript,1',
  '#internal',
  './ünï',
  'https://x.y/z.js',
] as const;

const statement = (random: Random): string => {
  const spec = pick(random, specifiers);
  const quote = pick(random, ["'", '"']);
  return pick(random, [
    () => `import x from ${quote}${spec}${quote};`,
    () => `import { a as b, type C } from ${quote}${spec}${quote};`,
    () => `import type { T } from '${spec}';`,
    () => `import * as ns from '${spec}'`,
    () => `export * from '${spec}';`,
    () => `export { x as default } from "${spec}";`,
    () => `const m = require('${spec}');`,
    () => `const m = await import('${spec}');`,
    () => `import(\`${spec}\${x}\`);`,
    () => `import('${spec}' + suffix);`,
    () => `import x from '${spec}`,
    () => `const s = \`\${import('${spec}')}\`;`,
    () => `/* import '${spec}' */`,
    () => `// import '${spec}'`,
    () => `const r = /import '${spec.replace(/\//g, '\\/')}'/;`,
    () => `const j = <div>{"import '${spec}'"}</div>;`,
    () => `@decorator() class A { m() { return import.meta.url; } }`,
    () => `export default function () { return '${'x'.repeat(int(random, 0, 2000))}'; }`,
    () =>
      pick(random, [
        '{',
        '}',
        '(',
        '`',
        "'",
        '"',
        '/*',
        '\u2028',
        '\0',
        '#!/usr/bin/env node',
        'import',
        'export',
        'from',
        ';;;',
      ]),
  ])();
};

/** A TS/JS file: static, type-only, re-export, require and dynamic imports, broken in every way a lexer meets. */
export function generateSource(random: Random): string {
  let text = times(random, 1, 25, () => statement(random)).join(pick(random, ['\n', '\n', '\r\n', ' ']));
  if (random() < 0.2) text = `\uFEFF${text}`;
  return `${text}\n`;
}
