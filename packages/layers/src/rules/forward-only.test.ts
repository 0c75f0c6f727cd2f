import { describe, expect, it } from 'vitest';
import { edgeFacts } from './edge-facts.fixture.js';
import { forwardOnly } from './forward-only.js';

describe('layers/forward-only', () => {
  it('reports a layer importing a later layer of its own domain', () => {
    const verdict = forwardOnly.check(
      edgeFacts('src/domains/billing/service/charge.ts', 'src/domains/billing/ui/button.tsx'),
    );
    expect(verdict?.message).toBe(
      'service may not import ui of domain billing: layers only depend forward (types → config → repo → service → runtime → ui).',
    );
    expect(verdict?.fix).toContain('src/domains/billing/ui/button.tsx');
  });

  it('allows the same layer and earlier layers', () => {
    expect(
      forwardOnly.check(edgeFacts('src/domains/billing/service/a.ts', 'src/domains/billing/service/b.ts')),
    ).toBeUndefined();
    expect(
      forwardOnly.check(edgeFacts('src/domains/billing/service/a.ts', 'src/domains/billing/types/b.ts')),
    ).toBeUndefined();
  });

  it('reports a layer importing its own domain entry, which re-exports later layers', () => {
    const verdict = forwardOnly.check(edgeFacts('src/domains/billing/types/a.ts', 'src/domains/billing/index.ts'));
    expect(verdict?.message).toContain("its own domain's public entry");
  });

  it('leaves other domains to cross-domain', () => {
    expect(
      forwardOnly.check(edgeFacts('src/domains/billing/types/a.ts', 'src/domains/orders/ui/b.ts')),
    ).toBeUndefined();
  });

  it('orders path layers too', () => {
    const config = {
      domains: [],
      order: ['foundation', 'cli'],
      paths: { foundation: ['lib/**'], cli: ['bin/**'] },
      packages: {},
    };
    expect(forwardOnly.check(edgeFacts('lib/a.ts', 'bin/b.ts', { config }))?.message).toBe(
      'foundation may not import cli: layers only depend forward (foundation → cli).',
    );
    expect(forwardOnly.check(edgeFacts('bin/b.ts', 'lib/a.ts', { config }))).toBeUndefined();
  });
});
