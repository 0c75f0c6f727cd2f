import { describe, expect, it } from 'vitest';
import { crossDomain } from './cross-domain.js';
import { edgeFacts } from './edge-facts.fixture.js';

describe('layers/cross-domain', () => {
  it('reports reaching into another domain past its public entry', () => {
    const verdict = crossDomain.check(
      edgeFacts('src/domains/orders/service/place.ts', 'src/domains/billing/repo/invoices.ts'),
    );
    expect(verdict?.message).toBe(
      "domain orders may not reach into domain billing (src/domains/billing/repo/invoices.ts): domains meet only through each other's public entry (src/domains/billing/index.ts).",
    );
  });

  it("allows the other domain's index file", () => {
    expect(
      crossDomain.check(edgeFacts('src/domains/orders/service/place.ts', 'src/domains/billing/index.ts')),
    ).toBeUndefined();
  });

  it('reports even the public entry with crossDomain: forbid', () => {
    const verdict = crossDomain.check(
      edgeFacts('src/domains/orders/service/place.ts', 'src/domains/billing/index.ts', {
        config: { crossDomain: 'forbid' },
      }),
    );
    expect(verdict?.message).toContain('crossDomain is "forbid"');
  });

  it('ignores imports inside one domain', () => {
    expect(crossDomain.check(edgeFacts('src/domains/orders/ui/a.ts', 'src/domains/orders/types/b.ts'))).toBeUndefined();
  });
});
