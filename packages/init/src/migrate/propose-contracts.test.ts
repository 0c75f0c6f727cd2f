import { describe, expect, it } from 'vitest';
import type { LayersProposal } from '../propose-layers.js';
import { describeMigration, proposeContracts } from './propose-contracts.js';

const guess: LayersProposal = {
  mode: 'paths',
  section: { order: ['a', 'b'], paths: { a: ['src/a'], b: ['src/b'] }, ignore: [] },
  explanation: ['Path mode.'],
  domains: [],
};

describe('proposeContracts', () => {
  it('replaces the guess with the carried-over contracts, names unique across tools', () => {
    const contract = { name: 'x', type: 'forbidden' as const, from: ['src/a'], to: ['src/b'] };
    const proposal = proposeContracts(guess, {
      migrations: [
        {
          source: 'dependency-cruiser',
          file: '.dependency-cruiser.js',
          contracts: [contract],
          unmapped: [],
          notes: [],
        },
        {
          source: 'eslint-plugin-import',
          file: 'eslint.config.js',
          contracts: [contract],
          unmapped: [{ rule: 'zones[1]', reason: 'why' }],
          notes: [],
        },
      ],
      notes: [],
    });
    expect(proposal.mode).toBe('contracts');
    expect(proposal.section).toBeUndefined();
    expect(proposal.contracts?.map((c) => c.name)).toEqual(['x', 'x-2']);
    expect(proposal.explanation).toEqual([
      'From .dependency-cruiser.js (dependency-cruiser): 1 of 1 rule carried over as layers.contracts (x).',
      'From eslint.config.js (eslint-plugin-import): 1 of 2 rules carried over as layers.contracts (x-2).',
      'Not carried over:',
      '  - zones[1]: why',
      "The path layering init would guess is left out: these rules are the repository's own.",
    ]);
  });

  it('keeps the guess when nothing maps, and says what was found', () => {
    const proposal = proposeContracts(guess, {
      migrations: [
        {
          source: 'eslint-plugin-import',
          file: 'eslint.config.js',
          contracts: [],
          unmapped: [],
          notes: ['no import/no-restricted-paths rule is switched on'],
        },
      ],
      notes: [],
    });
    expect(proposal.mode).toBe('paths');
    expect(proposal.explanation).toEqual([
      'Path mode.',
      'From eslint.config.js (eslint-plugin-import): no rule to carry over.',
      'Worth knowing:',
      '  - no import/no-restricted-paths rule is switched on',
    ]);
    expect(
      describeMigration({
        source: 'dependency-cruiser',
        file: 'd.json',
        contracts: [],
        unmapped: [{ rule: 'r', reason: 'z' }],
        notes: [],
      })[0],
    ).toBe('From d.json (dependency-cruiser): 0 of 1 rule carried over as layers.contracts.');
  });
});
