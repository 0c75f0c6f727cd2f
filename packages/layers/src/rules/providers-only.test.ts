import { describe, expect, it } from 'vitest';
import { edgeFacts } from './edge-facts.fixture.js';
import { providersOnly } from './providers-only.js';

describe('layers/providers-only', () => {
  it('reports domain code importing a cross-cutting package', () => {
    const verdict = providersOnly.check(edgeFacts('src/domains/billing/service/charge.ts', 'npm:@opentelemetry/api'));
    expect(verdict?.message).toBe(
      'service may not import the cross-cutting npm:@opentelemetry/api directly: cross-cutting concerns enter domains only through providers (src/providers).',
    );
  });

  it('reports domain code importing a cross-cutting module', () => {
    expect(
      providersOnly.check(edgeFacts('src/domains/billing/repo/a.ts', 'src/platform/auth/session.ts'))?.fix,
    ).toContain('src/providers');
  });

  it('reports a cross-cutting Node builtin named with node:', () => {
    const config = { crossCutting: ['node:child_process'] };
    expect(
      providersOnly.check(edgeFacts('src/domains/billing/runtime/a.ts', 'node:child_process', { config }))?.message,
    ).toContain('the cross-cutting node:child_process');
  });

  it('allows providers to import cross-cutting code', () => {
    expect(providersOnly.check(edgeFacts('src/providers/telemetry.ts', 'npm:@opentelemetry/api'))).toBeUndefined();
  });

  it('allows domain code to import providers', () => {
    expect(
      providersOnly.check(edgeFacts('src/domains/billing/service/a.ts', 'src/providers/telemetry.ts')),
    ).toBeUndefined();
  });
});
