import { describe, expect, it } from 'vitest';
import type { EdgeCounts } from './learn-order.js';
import { learnAllow, orderByImports } from './learn-order.js';

function counts(list: [string, string, number][]): EdgeCounts {
  const map = new Map<string, Map<string, number>>();
  for (const [from, to, n] of list) map.set(from, (map.get(from) ?? new Map<string, number>()).set(to, n));
  return map;
}

describe('orderByImports', () => {
  it('orders a DAG so that no import points forward', () => {
    const edges = counts([
      ['workbench', 'editor', 40],
      ['editor', 'platform', 30],
      ['platform', 'base', 20],
      ['workbench', 'base', 5],
    ]);
    expect(orderByImports(['workbench', 'base', 'editor', 'platform'], edges)).toEqual({
      order: ['base', 'platform', 'editor', 'workbench'],
      against: [],
    });
  });

  it('breaks a cycle where the fewest imports disagree', () => {
    // a → b → c → a: the cheapest import to go against is c → a (2).
    const edges = counts([
      ['a', 'b', 10],
      ['b', 'c', 8],
      ['c', 'a', 2],
    ]);
    expect(orderByImports(['a', 'b', 'c'], edges)).toEqual({
      order: ['c', 'b', 'a'],
      against: [{ from: 'c', to: 'a', count: 2 }],
    });
  });

  it('keeps the usual layer order where imports do not decide, and the greedy order beyond 12 groups', () => {
    expect(orderByImports(['ui', 'service', 'types'], counts([])).order).toEqual(['types', 'service', 'ui']);
    const many = Array.from({ length: 14 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    const chain = counts(many.slice(1).map((m, i) => [m, many[i] ?? '', 3]));
    expect(orderByImports([...many].reverse(), chain)).toEqual({ order: many, against: [] });
  });
});

describe('learnAllow', () => {
  const edges = counts([
    ['browser', 'common', 500],
    ['node', 'common', 300],
    ['common', 'browser', 2],
    ['node', 'browser', 2],
    ['electron', 'browser', 40],
    ['electron', 'common', 60],
  ]);

  it('allows the direction most imports hold; the minority and stray directions are left out', () => {
    const learned = learnAllow(['common', 'browser', 'node', 'electron'], edges);
    expect(learned.allow).toEqual({ browser: ['common'], node: ['common'], electron: ['common', 'browser'] });
    expect(learned.order[0]).toBe('common');
    expect(learned.left).toEqual([
      { from: 'common', to: 'browser', count: 2, why: 'browser imports common 500 times' },
      { from: 'node', to: 'browser', count: 2, why: "2 of node's 302 imports" },
    ]);
  });

  it('leniently, a stray direction is allowed and the minority one still is not', () => {
    const learned = learnAllow(['common', 'browser', 'node', 'electron'], edges, false);
    expect(learned.allow.node).toEqual(['common', 'browser']);
    expect(learned.left.map((l) => `${l.from}→${l.to}`)).toEqual(['common→browser']);
  });

  it('breaks a cycle of majority directions at its weakest link', () => {
    const learned = learnAllow(
      ['a', 'b', 'c'],
      counts([
        ['a', 'b', 10],
        ['b', 'c', 10],
        ['c', 'a', 3],
      ]),
    );
    expect(learned.allow).toEqual({ b: ['c'], a: ['b'] });
    expect(learned.left).toEqual([{ from: 'c', to: 'a', count: 3, why: 'the weakest link of a cycle' }]);
  });
});
