import { describe, expect, it } from 'vitest';
import { flatBlocks } from './flat-config.js';
import { migrateBoundaries } from './from-eslint-boundaries.js';
import { migrateRestrictedPaths } from './from-restricted-paths.js';

const elements = [
  { type: 'types', pattern: 'src/types' },
  { type: 'services', pattern: 'services/*' },
  { type: 'ui', pattern: 'src/ui/**', mode: 'full' },
];

describe('migrateBoundaries', () => {
  it('turns default: disallow with allow lists into a layers contract with an allow DAG', () => {
    const blocks = flatBlocks([
      { settings: { 'boundaries/elements': elements } },
      {
        rules: {
          'boundaries/element-types': [
            'error',
            {
              default: 'disallow',
              rules: [
                { from: 'services', allow: ['types', 'services'] },
                { from: ['ui'], allow: ['types', 'services'] },
                { from: 'types', allow: [['types', { family: 'x' }]] },
              ],
            },
          ],
        },
      },
    ]);
    const result = migrateBoundaries(blocks, 'eslint.config.js');
    expect(result.contracts).toEqual([
      {
        name: 'boundaries',
        type: 'layers',
        layers: { types: ['**/src/types'], services: ['**/services/*'], ui: ['src/ui/**'] },
        allow: { services: ['types'], ui: ['types', 'services'] },
      },
    ]);
    expect(result.unmapped).toEqual([
      {
        rule: 'boundaries/element-types rules[2]',
        reason: 'an element matcher with captured values (`[type, { … }]`) has no contract equivalent',
      },
    ]);
    expect(result.notes).toEqual([
      'boundaries also judges imports between two elements of one type; a harness layer may import itself (types not allowed to import their own type: ui): add a `type: independent` contract where that matters',
    ]);
  });

  it('turns default: allow with disallow lists into forbidden contracts (v5 rule name, type globs)', () => {
    const blocks = flatBlocks([
      {
        settings: { 'boundaries/elements': elements },
        rules: {
          'boundaries/dependencies': [
            2,
            {
              default: 'allow',
              rules: [
                { from: 'types', disallow: ['serv*', 'ui'] },
                { from: 'ui', allow: 'types' },
                { from: 'ui', disallow: 'types', importKind: 'value' },
              ],
            },
          ],
        },
      },
    ]);
    const result = migrateBoundaries(blocks, 'eslint.config.js');
    expect(result.contracts).toEqual([
      {
        name: 'types-not-to-services-ui',
        type: 'forbidden',
        from: ['**/src/types'],
        to: ['**/services/*', 'src/ui/**'],
      },
    ]);
    expect(result.unmapped.map((u) => u.reason)).toEqual([
      '`allow` under `default: allow` only undoes an earlier `disallow`; not carried over',
      '`importKind`: a contract judges every kind of import (see `allowTypeOnly`)',
    ]);
  });

  it('says so when the rule is off or the elements are missing', () => {
    expect(migrateBoundaries(flatBlocks({ rules: { 'boundaries/element-types': 'off' } }), 'e.js').notes).toEqual([
      'no boundaries/element-types or boundaries/dependencies rule is switched on',
    ]);
    expect(
      migrateBoundaries(
        flatBlocks({ rules: { 'boundaries/element-types': [2, { default: 'disallow', rules: [] }] } }),
        'e.js',
      ).unmapped,
    ).toEqual([
      {
        rule: 'boundaries/element-types',
        reason: 'no `boundaries/elements` setting: there are no element types to make layers of',
      },
    ]);
  });
});

describe('migrateRestrictedPaths', () => {
  it('maps each zone to a forbidden contract: target → from, from → to, except inside from', () => {
    const blocks = flatBlocks([
      {
        rules: {
          'import/no-restricted-paths': [
            'error',
            {
              zones: [
                { target: './src/client', from: './src/server', except: ['./shared'] },
                { target: ['./test', '!./test/e2e/**'], from: ['**/node/**', '!**/node/api.ts'] },
                { from: './x' },
              ],
            },
          ],
        },
      },
    ]);
    const result = migrateRestrictedPaths(blocks, 'eslint.config.mjs');
    expect(result.contracts).toEqual([
      {
        name: 'restricted-paths-1',
        type: 'forbidden',
        from: ['src/client'],
        to: ['src/server'],
        except: [{ to: ['src/server/shared'] }],
      },
      {
        name: 'restricted-paths-2',
        type: 'forbidden',
        from: ['test'],
        to: ['**/node/**'],
        except: [{ from: ['test/e2e/**'] }, { to: ['**/node/api.ts'] }],
      },
    ]);
    expect(result.unmapped).toEqual([
      { rule: 'zones[2]', reason: 'a zone needs `target` and `from` (a path, a glob, or a list of them)' },
    ]);
  });

  it('says so when no block switches the rule on', () => {
    const result = migrateRestrictedPaths(flatBlocks([{ rules: { 'import/no-restricted-paths': 'off' } }]), 'e.mjs');
    expect(result).toMatchObject({
      contracts: [],
      unmapped: [],
      notes: ['no import/no-restricted-paths rule is switched on'],
    });
  });

  it('refuses a basePath, and keeps files where the rule is switched off later as except', () => {
    const based = migrateRestrictedPaths(
      flatBlocks([
        { rules: { 'import/no-restricted-paths': [2, { basePath: '/abs/src', zones: [{ target: 'a', from: 'b' }] }] } },
      ]),
      'e.mjs',
    );
    expect(based.contracts).toEqual([]);
    expect(based.unmapped[0]?.reason).toMatch(/^`basePath` is set/);
    const off = migrateRestrictedPaths(
      flatBlocks([
        { rules: { 'import/no-restricted-paths': [2, { zones: [{ target: 'a', from: 'b' }] }] } },
        { files: ['./a/main.ts'], rules: { 'import/no-restricted-paths': 'off' } },
      ]),
      'e.mjs',
    );
    expect(off.contracts).toEqual([
      { name: 'restricted-paths-1', type: 'forbidden', from: ['a'], to: ['b'], except: [{ from: ['a/main.ts'] }] },
    ]);
  });
});
