import { describe, expect, it } from 'vitest';
import { selectBudgets } from './select-budgets.js';

const config = (budgets: { name: string }[]) => ({
  version: 1 as const,
  budgets: budgets.map((b) => ({ command: 'true', seconds: 1, ...b })),
});

describe('selectBudgets', () => {
  it('returns every budget, or the named ones in config order', () => {
    const c = config([{ name: 'build' }, { name: 'test' }]);
    expect(selectBudgets(c, [], 'harness.config.yaml').map((b) => b.name)).toEqual(['build', 'test']);
    expect(selectBudgets(c, ['test'], 'harness.config.yaml').map((b) => b.name)).toEqual(['test']);
  });

  it('rejects a missing section, a duplicate and an unknown name with stable codes', () => {
    expect(() => selectBudgets({ version: 1 }, [], 'harness.config.yaml')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: 'no budgets in harness.config.yaml' }),
    );
    expect(() => selectBudgets(config([{ name: 'a' }, { name: 'a' }]), [], 'h.yaml')).toThrow(
      'budgets.1.name: budget "a" is defined twice',
    );
    expect(() => selectBudgets(config([{ name: 'build' }]), ['buidl'], 'h.yaml')).toThrow(
      expect.objectContaining({ code: 'USAGE', message: 'unknown budget "buidl": did you mean "build"?' }),
    );
  });
});
