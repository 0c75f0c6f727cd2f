import { describe, expect, it } from 'vitest';
import { migrateDependencyCruiser } from './from-dependency-cruiser.js';

const migrate = (...forbidden: unknown[]) => migrateDependencyCruiser({ forbidden }, '.dependency-cruiser.cjs');

describe('migrateDependencyCruiser', () => {
  it('maps a path rule to a forbidden contract, with pathNot as except', () => {
    const result = migrate({
      name: 'not-to-test',
      severity: 'error',
      from: { pathNot: '^(test)' },
      to: { path: '^(test)' },
    });
    expect(result.contracts).toEqual([
      { name: 'not-to-test', type: 'forbidden', from: ['**'], to: ['test*'], except: [{ from: ['test*'] }] },
    ]);
    expect(result.unmapped).toEqual([]);
  });

  it('maps a layer rule with alternatives and local dependencyTypes, and notes a warn severity', () => {
    const result = migrate({
      name: 'db-not-to-ui',
      severity: 'warn',
      from: { path: '^src/db/' },
      to: { path: '^src/(ui|api)/', pathNot: '\\.types\\.ts$', dependencyTypes: ['local', 'aliased-tsconfig'] },
    });
    expect(result.contracts).toEqual([
      {
        name: 'db-not-to-ui',
        type: 'forbidden',
        from: ['src/db/**'],
        to: ['src/{ui,api}/**'],
        except: [{ to: ['**/*.types.ts'] }],
      },
    ]);
    expect(result.notes).toEqual([
      'db-not-to-ui: severity `warn` in dependency-cruiser; a contract finding is an error (set `rules: { layers/contract: warn }` to keep it a warning)',
    ]);
  });

  it.each([
    [
      { name: 'no-circular', severity: 'warn', from: {}, to: { circular: true } },
      '`to.circular`: cycle detection is not a contract',
    ],
    [
      { name: 'no-orphans', from: { orphan: true, pathNot: '\\.d\\.ts$' }, to: {} },
      '`from.orphan`: orphan detection is not a contract',
    ],
    [
      { name: 'not-to-unresolvable', from: {}, to: { couldNotResolve: true } },
      '`to.couldNotResolve`: unresolvable imports are `layers/unresolved`, always on',
    ],
    [
      { name: 'no-unreachable', from: { path: '^src/main\\.ts$' }, to: { path: '^src/', reachable: false } },
      '`to.reachable`: reachability is not a contract (a contract judges direct imports)',
    ],
    [
      { name: 'not-to-dev-dep', from: { path: '^(src)' }, to: { dependencyTypes: ['npm-dev'] } },
      'to.dependencyTypes `npm-dev`: rules about npm packages or Node built-ins are not contracts (`layers.packages` restricts npm packages by layer)',
    ],
    [
      { name: 'no-dynamic', from: {}, to: { dependencyTypes: ['dynamic-import'] } },
      'to.dependencyTypes `dynamic-import`: a contract judges every import between repository files, not only one kind of import',
    ],
    [
      {
        name: 'no-inter-feature',
        from: { path: '^src/features/([^/]+)/' },
        to: { path: '^src/features/', pathNot: '^src/features/$1/' },
      },
      'to.pathNot `^src/features/$1/` uses a group matched in `from` ($1): harness has no per-match rule; if the folders under src/features/ may not import each other, write a `type: independent` contract with `modules: ["src/features/*"]`',
    ],
    [
      { name: 'no-lodash', from: {}, to: { path: 'node_modules/lodash' } },
      'to.path names node_modules: contracts judge imports between repository files (`layers.packages` restricts npm packages by layer)',
    ],
    [
      { name: 'off', severity: 'ignore', from: {}, to: { path: '^src/' } },
      'severity `ignore`: the rule is switched off',
    ],
    [
      { name: 'odd', from: { path: '^src/\\d+' }, to: { path: '^lib/' } },
      'from.path `^src/\\d+` has `\\d`, which has no glob equivalent',
    ],
  ])('reports %j as not mapped', (rule, reason) => {
    const result = migrate(rule);
    expect(result.contracts).toEqual([]);
    expect(result.unmapped).toEqual([{ rule: (rule as { name: string }).name, reason }]);
  });

  it('names unnamed rules by position, keeps names unique, and reports allowed and required', () => {
    const result = migrateDependencyCruiser(
      {
        forbidden: [
          { from: { path: '^a/' }, to: { path: '^b/' } },
          { name: 'x y', severity: 'error', from: { path: '^a/' }, to: { path: '^c/' } },
          { name: 'x y', severity: 'error', from: { path: '^a/' }, to: { path: '^d/' } },
        ],
        allowed: [{ from: {}, to: {} }],
        required: [{ name: 'must-import-polyfills', module: { path: '^src/main' }, to: { path: 'polyfills' } }],
      },
      '.dependency-cruiser.json',
    );
    expect(result.contracts.map((c) => c.name)).toEqual(['forbidden-0', 'x-y', 'x-y-2']);
    expect(result.unmapped.map((u) => u.rule)).toEqual(['allowed (1 rules)', 'must-import-polyfills']);
  });
});
