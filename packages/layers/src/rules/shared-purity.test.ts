import { describe, expect, it } from 'vitest';
import { edgeFacts } from './edge-facts.fixture.js';
import { sharedPurity } from './shared-purity.js';

describe('layers/shared-purity', () => {
  it('reports shared code importing a domain', () => {
    const verdict = sharedPurity.check(edgeFacts('src/utils/money.ts', 'src/domains/billing/types/invoice.ts'));
    expect(verdict?.message).toBe(
      'shared code may not import domain code (src/domains/billing): src/domains/billing/types/invoice.ts. Shared code is imported from everywhere, so it must not depend on domains or providers.',
    );
  });

  it('reports shared code importing a provider', () => {
    expect(sharedPurity.check(edgeFacts('src/utils/log.ts', 'src/providers/telemetry.ts'))?.message).toContain(
      'a provider',
    );
  });

  it('allows shared code to import shared code and packages', () => {
    expect(sharedPurity.check(edgeFacts('src/utils/a.ts', 'src/utils/b.ts'))).toBeUndefined();
    expect(sharedPurity.check(edgeFacts('src/utils/a.ts', 'npm:zod'))).toBeUndefined();
  });
});
