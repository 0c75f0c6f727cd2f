import { describe, expect, it } from 'vitest';
import { orderLayers } from './order-layers.js';

describe('orderLayers', () => {
  it('uses the canonical order when the imports agree or are absent', () => {
    expect(orderLayers(['ui', 'service', 'model', 'repo'], [])).toEqual({
      order: ['model', 'repo', 'service', 'ui'],
      reasons: [],
    });
    expect(orderLayers(['ui', 'service'], [{ from: 'ui', to: 'service', count: 4 }]).order).toEqual(['service', 'ui']);
  });

  it('moves a layer when the code only imports it the other way, and says why', () => {
    const result = orderLayers(['api', 'services'], [{ from: 'services', to: 'api', count: 3 }]);
    expect(result.order).toEqual(['api', 'services']);
    expect(result.reasons).toEqual([
      'api comes before services: services imports api 3 times, api imports services never.',
    ]);
  });

  it('lets the stronger direction win when layers import each other', () => {
    const edges = [
      { from: 'service', to: 'repo', count: 9 },
      { from: 'repo', to: 'service', count: 1 },
    ];
    expect(orderLayers(['service', 'repo'], edges).order).toEqual(['repo', 'service']);
  });

  it('falls back to the canonical rank inside a cycle', () => {
    const edges = [
      { from: 'a', to: 'b', count: 1 },
      { from: 'b', to: 'c', count: 1 },
      { from: 'c', to: 'a', count: 1 },
    ];
    expect(orderLayers(['c', 'b', 'a'], edges).order).toHaveLength(3);
  });
});
