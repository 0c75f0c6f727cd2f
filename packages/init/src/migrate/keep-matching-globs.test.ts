import { describe, expect, it } from 'vitest';
import { keepMatchingGlobs } from './keep-matching-globs.js';
import type { Migration } from './migration.js';

const files = ['src/ui/view.ts', 'src/db/store.ts', 'src/api/handler.ts'];
const migration = (contracts: Migration['contracts']): Migration => ({
  source: 'eslint-plugin-boundaries',
  file: 'eslint.config.js',
  contracts,
  unmapped: [],
  notes: [],
});

describe('keepMatchingGlobs', () => {
  it('leaves out a layer that matches no file, from the layers and the allow DAG, and says so', () => {
    const result = keepMatchingGlobs(
      migration([
        {
          name: 'b',
          type: 'layers',
          layers: { db: ['**/src/db'], jobs: ['**/jobs/*'], ui: ['**/src/ui'] },
          allow: { ui: ['db', 'jobs'], jobs: ['db'] },
        },
      ]),
      files,
    );
    expect(result.contracts).toEqual([
      { name: 'b', type: 'layers', layers: { db: ['**/src/db'], ui: ['**/src/ui'] }, allow: { ui: ['db'] } },
    ]);
    expect(result.notes).toEqual(['b: layer jobs `**/jobs/*` matches no source file today; left out']);
  });

  it('a forbidden contract whose `from` matches nothing is reported as not carried over', () => {
    const result = keepMatchingGlobs(
      migration([{ name: 'f', type: 'forbidden', from: ['lib/**'], to: ['src/db/**'] }]),
      files,
    );
    expect(result.contracts).toEqual([]);
    expect(result.unmapped).toEqual([{ rule: 'f', reason: 'its `from` matches no source file in this repository' }]);
    expect(result.notes).toEqual([]);
  });
});
